/**
 * A small pool of worker threads running PostHog's HogQL parser, so parsing never blocks the
 * request thread. Per the shared parser notes: deep nesting or long AND chains can crash the
 * WASM instance or hang it, after which it is poisoned, so a crashed or timed-out worker is
 * terminated and replaced by a fresh one; inputs above a size cap are refused up front.
 */
import { Worker } from 'node:worker_threads';
import { HogQLError } from './errors';
import { PARSE_WORKER_SOURCE } from './parseWorkerSource';

export type ParseRule = 'select' | 'expr' | 'program' | 'template';

export interface ParsePoolOptions {
  size?: number;
  timeoutMs?: number;
  maxChars?: number;
}

interface Job {
  id: number;
  rule: ParseRule;
  text: string;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  job: Job | null;
  timer: NodeJS.Timeout | null;
}

export class ParsePool {
  readonly timeoutMs: number;
  readonly maxChars: number;
  private readonly size: number;
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private nextId = 1;
  private closed = false;
  /** Workers replaced after a crash or a timeout (for tests and logs). */
  replacements = 0;

  constructor(options: ParsePoolOptions = {}) {
    this.size = Math.max(1, options.size ?? 2);
    this.timeoutMs = options.timeoutMs ?? 5000;
    this.maxChars = options.maxChars ?? 100_000;
  }

  /** Parse `text` with the given rule; resolves to the parser's JSON (an AST or an error object). */
  parse(rule: ParseRule, text: string): Promise<unknown> {
    if (this.closed) return Promise.reject(new Error('parser pool is closed'));
    if (text.length > this.maxChars) {
      return Promise.reject(
        new HogQLError(
          'hogql_error',
          `Query is too long for the emulator's parser (${text.length} characters; the limit is ${this.maxChars})`,
        ),
      );
    }
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, rule, text, resolve, reject });
      this.pump();
    });
  }

  /** Start every worker and run a first parse, so the first real query is not cold (~2 s). */
  async warm(): Promise<void> {
    await Promise.all(Array.from({ length: this.size }, () => this.parse('select', 'SELECT 1 FROM events WHERE 1 = 1')));
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new Error('parser pool is closed'));
    await Promise.all(
      this.slots.splice(0).map((slot) => {
        if (slot.timer) clearTimeout(slot.timer);
        slot.job?.reject(new Error('parser pool is closed'));
        return slot.worker.terminate();
      }),
    );
  }

  private pump(): void {
    while (this.queue.length > 0) {
      let slot = this.slots.find((s) => s.job === null);
      if (!slot && this.slots.length < this.size) slot = this.spawn();
      if (!slot) return;
      const job = this.queue.shift() as Job;
      slot.job = job;
      slot.timer = setTimeout(() => this.fail(slot as Slot, this.timeoutError()), this.timeoutMs);
      slot.worker.postMessage({ id: job.id, rule: job.rule, text: job.text });
    }
  }

  private timeoutError(): HogQLError {
    return new HogQLError(
      'hogql_error',
      `The HogQL parser did not finish within ${this.timeoutMs / 1000} s; simplify the query (deep nesting or very long AND/OR chains)`,
    );
  }

  private spawn(): Slot {
    const worker = new Worker(PARSE_WORKER_SOURCE, {
      eval: true,
      workerData: { parserPath: require.resolve('@posthog/hogql-parser') },
    });
    worker.unref();
    const slot: Slot = { worker, job: null, timer: null };
    worker.on('message', (msg: { id?: number; result?: unknown; crashed?: string }) => {
      if (msg.id === undefined || !slot.job || slot.job.id !== msg.id) return;
      if (msg.crashed !== undefined) {
        this.fail(slot, new HogQLError('hogql_error', `The HogQL parser failed on this query: ${msg.crashed}`));
        return;
      }
      const job = slot.job;
      if (slot.timer) clearTimeout(slot.timer);
      slot.job = null;
      slot.timer = null;
      job.resolve(msg.result);
      this.pump();
    });
    worker.on('error', (err) => this.fail(slot, new HogQLError('hogql_error', `The HogQL parser failed: ${err.message}`)));
    worker.on('exit', () => {
      if (this.slots.includes(slot)) this.fail(slot, new HogQLError('hogql_error', 'The HogQL parser exited unexpectedly'));
    });
    this.slots.push(slot);
    return slot;
  }

  /** Reject the slot's job, drop the (poisoned) worker and let a fresh one take the queue. */
  private fail(slot: Slot, error: Error): void {
    const index = this.slots.indexOf(slot);
    if (index < 0) return;
    this.slots.splice(index, 1);
    if (slot.timer) clearTimeout(slot.timer);
    const job = slot.job;
    slot.job = null;
    this.replacements++;
    void slot.worker.terminate();
    job?.reject(error);
    if (!this.closed) this.pump();
  }
}

let shared: ParsePool | null = null;

/** The process-wide pool used by the query, metadata and autocomplete entry points. */
export function sharedParsePool(): ParsePool {
  if (!shared) shared = new ParsePool();
  return shared;
}

/** Replace the shared pool (tests use short timeouts). */
export function setSharedParsePool(pool: ParsePool | null): void {
  shared = pool;
}
