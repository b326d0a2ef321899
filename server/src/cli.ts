import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { WorkspaceIndex } from './core/index/workspace-index';
import { toContractOutput } from './core/contract';
import { readSource, listSourceFiles } from './source-files';
import { forTerminal, renderReport } from './core/features/report';
import type { AnalysisOutput, DocumentAnalysis } from './core/types';
import { AnalysisPool, workerFile } from './lsp/analysis-pool';

const USAGE = 'usage: corroborate analyze PATH... [--json]';

class UsageError extends Error {}

interface Arguments { paths: string[]; json: boolean }

function parseArguments(argv: string[]): Arguments {
  const [command, ...rest] = argv;
  if (command === '--help' || command === '-h') { process.stdout.write(`${USAGE}\n`); process.exit(0); }
  if (command !== 'analyze') throw new UsageError(command ? `unknown command '${command}'; ${USAGE}` : USAGE);
  const paths: string[] = [];
  let json = false;
  for (const argument of rest) {
    if (argument === '--json') json = true;
    else if (argument.startsWith('-')) throw new UsageError(`unknown option '${argument}'; ${USAGE}`);
    else paths.push(argument);
  }
  if (!paths.length) throw new UsageError(`no path given; ${USAGE}`);
  for (const given of paths) if (!fs.existsSync(given)) throw new UsageError(`no such file or folder: ${given}`);
  return { paths, json };
}

interface SourceFile {
  file: string;
  shownAs: string;
  /** The folder given on the command line that the file was found in: it is read only if it really lies there. */
  within?: string;
  /** Why a file of a given folder is left unread (a link, a pipe, a device). */
  skipped?: string;
}

/**
 * Each file with the path the output names it by: as given, or relative to a given folder's parent. A file
 * named on the command line is read even through a link; files of a folder only when they are its own files.
 */
function sourceFiles(paths: string[]): SourceFile[] {
  const files: SourceFile[] = [];
  for (const given of paths) {
    if (fs.statSync(given).isDirectory()) {
      const parent = path.dirname(path.resolve(given));
      const shown = (file: string) => path.relative(parent, path.resolve(file)).split(path.sep).join('/');
      const skipped = (file: string, reason: string) => files.push({ file, shownAs: shown(file), skipped: reason });
      for (const file of listSourceFiles(given, skipped)) files.push({ file, shownAs: shown(file), within: given });
    } else {
      files.push({ file: given, shownAs: given });
    }
  }
  return files;
}

/**
 * Below this many documents the CLI analyses in its own thread: starting a worker (each loads the entity model) and
 * passing analyses as JSON costs more than it saves (64 articles: 1.5 CPU s in one thread, 2.4 s with two workers).
 */
const WORKERS_FROM_DOCUMENTS = 500;

/** Worker threads for a run of `documents` documents: one per core (the main thread only waits), 0 for a small run. */
function cliWorkers(documents: number, environment: NodeJS.ProcessEnv = process.env): number {
  const wanted = environment.CORROBORATE_ANALYSIS_WORKERS;
  if (wanted !== undefined && wanted !== '' && Number.isInteger(Number(wanted)) && Number(wanted) >= 0) return Math.min(16, Number(wanted));
  return documents < WORKERS_FROM_DOCUMENTS ? 0 : Math.min(8, os.availableParallelism());
}

/**
 * Every readable source in the index: analysed across the cores in worker threads (the pool the language server
 * uses) when there are enough, else here. A document a worker fails on is analysed here, as it would be without one.
 */
async function indexSources(paths: string[]): Promise<{ index: WorkspaceIndex; errors: AnalysisOutput['errors'] }> {
  const index = new WorkspaceIndex();
  const errors: AnalysisOutput['errors'] = [];
  const texts: Array<{ key: string; text: string }> = [];
  for (const { file, shownAs, within, skipped } of sourceFiles(paths)) {
    const source = skipped ? { error: skipped } : readSource(file, within ? { within: [within] } : { followLinks: true });
    if ('error' in source) {
      errors.push({ path: shownAs, message: source.error });
      process.stderr.write(`corroborate: skipped ${forTerminal(shownAs)}: ${source.error}\n`);
    } else {
      texts.push({ key: shownAs, text: source.text });
    }
  }
  const workers = cliWorkers(texts.length);
  const file = workers > 0 ? workerFile(__dirname) ?? workerFile(path.join(__dirname, 'lsp')) : null;
  if (!file) {
    for (const { key, text } of texts) index.set(key, text);
    return { index, errors };
  }
  const pool = new AnalysisPool(file, workers, (message) => process.stderr.write(`${forTerminal(message)}\n`));
  try {
    await Promise.all(texts.map(async ({ key, text }) => {
      const outcome = await pool.analyse(key, text, undefined, false);
      let analysis: DocumentAnalysis | null = null;
      if (outcome && 'json' in outcome) analysis = { path: key, text, ...JSON.parse(outcome.json) } as DocumentAnalysis;
      if (analysis) index.setAnalysed(key, text, analysis);
      else index.set(key, text);
    }));
  } finally {
    await pool.dispose();
  }
  return { index, errors };
}

async function analyze(paths: string[]): Promise<AnalysisOutput> {
  const { index, errors } = await indexSources(paths);
  return toContractOutput(index.all(), index.crossDocument(), errors);
}

async function main(): Promise<void> {
  let args: Arguments;
  try {
    args = parseArguments(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`corroborate: ${forTerminal(error.message)}\n`);
    process.exit(2);
  }
  const output = await analyze(args.paths);
  process.stdout.write(args.json ? `${JSON.stringify(output, null, 1)}\n` : renderReport(output));
}

void main();
