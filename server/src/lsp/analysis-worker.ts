// Entry of one analysis worker thread (see AnalysisPool): analyses the documents it is sent, one at a time, so the
// server's main thread answers requests meanwhile.
import { parentPort } from 'node:worker_threads';
import { analyzeDocument } from '../core/analyze';
import type { AnalysisJob, AnalysisReply } from './analysis-pool';

const port = parentPort;
if (!port) throw new Error('analysis-worker runs as a worker thread of the language server');

port.on('message', (job: AnalysisJob) => {
  let reply: AnalysisReply;
  try {
    // The text stays out of the reply: the server holds it already.
    const { path: _path, text: _text, ...rest } = analyzeDocument(job.key, job.text, { documentDate: job.documentDate });
    reply = { id: job.id, json: JSON.stringify(rest) };
  } catch (error) {
    reply = { id: job.id, error: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(reply);
});
