import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';

/** What a worker is sent: one document to analyse. */
export interface AnalysisJob { id: number; key: string; text: string; documentDate: string | undefined }
/** What it answers: the analysis as JSON (everything but its path and text), or why it failed. */
export type AnalysisReply = { id: number; json: string } | { id: number; error: string };
/** The outcome of one request: the analysis JSON, an error, or null when a newer request for the key replaced it. */
export type AnalysisOutcome = { json: string } | { error: string } | null;

/**
 * A worker still analysing a text this long when its request is replaced or cancelled is stopped (and a new one
 * started) rather than left to finish work nobody wants: a 20 MB document can take many seconds.
 */
const STOP_STALE_WORK_ABOVE = 200_000;
const WORKER_FILE = 'analysis-worker.js';

/** Worker threads wanted on this machine: one core is left to the main thread, but at least two workers. */
export function defaultPoolSize(environment: NodeJS.ProcessEnv = process.env): number {
  const wanted = environment.CORROBORATE_ANALYSIS_WORKERS;
  if (wanted !== undefined && wanted !== '' && Number.isInteger(Number(wanted)) && Number(wanted) >= 0) return Math.min(16, Number(wanted));
  return Math.min(8, Math.max(2, os.availableParallelism() - 1));
}

/** The worker entry beside this file (dist/ in the bundle, out/ in a tsc build), or null when it is missing. */
export function workerFile(directory: string = __dirname): string | null {
  const file = path.join(directory, WORKER_FILE);
  return fs.existsSync(file) ? file : null;
}

interface Request {
  job: AnalysisJob;
  urgent: boolean;
  resolve(outcome: AnalysisOutcome): void;
}

interface Slot { worker: Worker; running: Request | null; idleTimer?: NodeJS.Timeout }

/**
 * Workers beyond the first that have had nothing to do this long are stopped (each holds its own copy of the entity
 * model, and its heap keeps what its last documents needed): a burst of work starts them again.
 */
const IDLE_WORKER_MS = 10_000;

/**
 * Analyses documents in worker threads, so that requests never wait behind analysis. One request per key is live:
 * a newer one for the same key replaces it (the older resolves null, and a large text still being analysed is
 * abandoned with its worker). Urgent requests (open documents) go before the others.
 */
export class AnalysisPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Request[] = [];
  private readonly live = new Map<string, Request>();
  private nextId = 1;
  private disposed = false;
  /** Workers stopped because the text they were analysing was no longer wanted. */
  stoppedForStaleWork = 0;

  /** `size` workers at most; one is started now, the others when work waits for them. */
  constructor(private readonly file: string, private readonly size: number, private readonly warn: (message: string) => void) {
    if (size > 0) this.slots.push(this.startWorker());
  }

  /** Workers running now. */
  get running(): number {
    return this.slots.length;
  }

  /** Requests waiting or running. */
  get pending(): number {
    return this.live.size;
  }

  analyse(key: string, text: string, documentDate: string | undefined, urgent: boolean): Promise<AnalysisOutcome> {
    this.cancel(key);
    return new Promise((resolve) => {
      if (this.disposed) { resolve(null); return; }
      const request: Request = { job: { id: this.nextId++, key, text, documentDate }, urgent, resolve };
      this.live.set(key, request);
      if (urgent) {
        const firstOrdinary = this.queue.findIndex((queued) => !queued.urgent);
        this.queue.splice(firstOrdinary < 0 ? this.queue.length : firstOrdinary, 0, request);
      } else this.queue.push(request);
      this.dispatch();
    });
  }

  /** Drops the key's live request, if any: it resolves null. */
  cancel(key: string): void {
    const request = this.live.get(key);
    if (!request) return;
    this.live.delete(key);
    const queued = this.queue.indexOf(request);
    if (queued >= 0) this.queue.splice(queued, 1);
    const slot = this.slots.find((candidate) => candidate.running === request);
    if (slot && request.job.text.length > STOP_STALE_WORK_ABOVE) { this.stoppedForStaleWork++; this.replaceWorker(slot); }
    request.resolve(null);
  }

  /** Stops every worker; live requests resolve null. */
  async dispose(): Promise<void> {
    this.disposed = true;
    for (const request of [...this.live.values()]) request.resolve(null);
    this.live.clear();
    this.queue.length = 0;
    for (const slot of this.slots) clearTimeout(slot.idleTimer);
    await Promise.all(this.slots.map((slot) => slot.worker.terminate().catch(() => undefined)));
  }

  private startWorker(): Slot {
    const worker = new Worker(this.file);
    // An idle worker does not keep the process alive: the server exits when the client says so.
    worker.unref();
    const slot: Slot = { worker, running: null };
    worker.on('message', (reply: AnalysisReply) => {
      const request = slot.running;
      if (!request || request.job.id !== reply.id) return;
      slot.running = null;
      if (this.live.get(request.job.key) === request) {
        this.live.delete(request.job.key);
        request.resolve('json' in reply ? { json: reply.json } : { error: reply.error });
      }
      this.dispatch();
    });
    worker.on('error', (error) => this.lost(slot, error.message));
    worker.on('exit', (code) => { if (!this.disposed && this.slots.includes(slot) && slot.worker === worker) this.lost(slot, `exited with code ${code}`); });
    return slot;
  }

  /** A worker failed (out of memory on a huge text, say): its request fails, and a new worker takes its place. */
  private lost(slot: Slot, reason: string): void {
    if (this.disposed || slot.worker.listenerCount('message') === 0) return;
    const request = slot.running;
    this.warn(`Corroborate: an analysis worker stopped (${reason})${request ? ` while analysing ${request.job.key}` : ''}`);
    this.replaceWorker(slot);
    if (request && this.live.get(request.job.key) === request) {
      this.live.delete(request.job.key);
      request.resolve({ error: `the analysis worker stopped (${reason})` });
    }
    this.dispatch();
  }

  private replaceWorker(slot: Slot): void {
    const old = slot.worker;
    old.removeAllListeners('message');
    old.removeAllListeners('exit');
    old.on('error', () => undefined);
    void old.terminate().catch(() => undefined);
    clearTimeout(slot.idleTimer);
    const position = this.slots.indexOf(slot);
    if (position >= 0) this.slots[position] = this.startWorker();
    slot.running = null;
    queueMicrotask(() => this.dispatch());
  }

  private dispatch(): void {
    if (this.disposed) return;
    for (const slot of this.slots) {
      if (slot.running) continue;
      const request = this.queue.shift();
      if (!request) break;
      clearTimeout(slot.idleTimer);
      slot.idleTimer = undefined;
      slot.running = request;
      slot.worker.postMessage(request.job);
    }
    // Work waits and every worker is busy: one more, up to the pool's size.
    if (this.queue.length && this.slots.length < this.size) { this.slots.push(this.startWorker()); this.dispatch(); return; }
    // Nothing waits and nothing runs (the end of a cold pass, say): the workers beyond the first stop now, each heap
    // returned at once rather than held while the views are built (at 10,000 documents, ~115 MB a worker).
    if (!this.queue.length && this.slots.every((slot) => !slot.running)) {
      for (const slot of this.slots.slice(1)) this.stopIdle(slot);
      return;
    }
    for (const slot of this.slots.slice(1)) {
      if (slot.running || slot.idleTimer) continue;
      slot.idleTimer = setTimeout(() => this.stopIdle(slot), IDLE_WORKER_MS);
      slot.idleTimer.unref();
    }
  }

  private stopIdle(slot: Slot): void {
    const position = this.slots.indexOf(slot);
    if (slot.running || position <= 0) return;
    clearTimeout(slot.idleTimer);
    this.slots.splice(position, 1);
    slot.worker.removeAllListeners('message');
    slot.worker.removeAllListeners('exit');
    slot.worker.on('error', () => undefined);
    void slot.worker.terminate().catch(() => undefined);
  }
}
