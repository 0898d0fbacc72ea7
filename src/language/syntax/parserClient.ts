/**
 * Host side of the parser worker: a queue of parse requests served one at a time by a worker
 * thread, with a per-request timeout. A timeout or a crash terminates the worker (a hung or
 * poisoned WASM instance cannot be reused); the next request starts a fresh one. Outcomes are
 * cached by statement text. Pure Node (no `vscode`), so unit tests drive it directly.
 */
import type { Worker } from 'node:worker_threads';
import { Lru } from '../lru';
import type { ParseReply, ParserError, WarmUpReply, WarmUpRequest } from './protocol';
import { VerdictStore, type Verdict } from './verdictStore';
import type { SnapshotNote } from './workerSnapshot';
import { compileParser, startWorker, type CompiledParser, type EarlyParser, type StartedWorker } from './workerStart';

/**
 * `n`: how many parses the worker that answered had run, this one included; `warm`: how many
 * warm-up statements it had parsed before (see warmUp()); `stored`: the verdict came from disk
 * (verdictStore.ts: an earlier session's parser said so), no worker parsed it now (`ms` 0).
 */
export type ParseOutcome =
  | { kind: 'ok'; ms: number; n?: number; warm?: number; stored?: true }
  | { kind: 'error'; error: ParserError; ms: number; n?: number; warm?: number; stored?: true }
  /** The parser did not answer within the timeout; the worker was replaced. */
  | { kind: 'timeout'; ms: number }
  /** The parser threw (e.g. a WASM RuntimeError); the worker was replaced. */
  | { kind: 'crashed'; message: string; startFailure?: boolean };

export interface ParserClientOptions {
  /** Path of the worker script (`dist/language/parser.worker.js`). */
  workerFile: string;
  timeoutMs: number;
  /** How long a fresh worker may take to load the parser before its first request is sent. */
  startupTimeoutMs?: number;
  cacheSize?: number;
  /** Node options for the worker (tests run the TypeScript source through tsx). */
  execArgv?: string[];
  /** The parser snapshot cache's file (syntax/workerSnapshot.ts); none: workers start as they are. */
  snapshotFile?: string;
  /**
   * The parser's verdicts on disk (verdictStore.ts, workerStart.ts's parserVerdictFile): a statement
   * parsed in an earlier session gets its verdict from there; none: every verdict from a worker.
   */
  verdictFile?: string;
  log?: (message: string) => void;
  /**
   * A worker the activation bundle started when the first HogQL document opened (workerStart.ts):
   * adopted as this client's first worker, its compiled WASM kept for the workers after it.
   */
  early?: EarlyParser;
}

interface Job {
  text: string;
  signal: AbortSignal | undefined;
  resolve: (o: ParseOutcome | undefined) => void;
}

interface Running extends StartedWorker {
  /** Once asked for: the worker's warm-up report (undefined if the worker stopped first). */
  warmUp?: Promise<WarmUpReply | undefined>;
}

export class ParserClient {
  private readonly cache: Lru<string, ParseOutcome>;
  private readonly queue: Job[] = [];
  private running: Running | undefined;
  private busy = false;
  private nextId = 1;
  private disposed = false;
  /** Workers started so far (tests check that a hang or crash replaced the worker). */
  workersStarted = 0;
  /** Workers that reported being handed the host's compiled WASM (see wasmModule.ts). */
  workersGivenModule = 0;
  /** PostHog's parser compiled once for all workers. */
  private wasm: CompiledParser | undefined;
  /** The verdicts on disk, when a file is given. */
  private readonly verdicts: VerdictStore | undefined;

  /** Per-request timeout; may change at any time (settings). */
  timeoutMs: number;

  constructor(private readonly opts: ParserClientOptions) {
    this.cache = new Lru(opts.cacheSize ?? 500);
    this.timeoutMs = opts.timeoutMs;
    const early = this.adopt(opts.early);
    if (opts.verdictFile !== undefined) {
      const read = early?.verdicts?.file === opts.verdictFile ? early.verdicts.bytes : undefined;
      this.verdicts = new VerdictStore(opts.verdictFile, read, (m) => opts.log?.(m));
      void this.verdicts.loaded.then(() => opts.log?.(this.verdicts!.note));
    }
  }

  /** Takes over a worker started ahead of this client (see ParserClientOptions.early). */
  private adopt(early: EarlyParser | undefined): EarlyParser | undefined {
    if (!early || early.adopted || early.workerFile !== this.opts.workerFile) return undefined;
    early.adopted = true;
    this.wasm = early.wasm;
    this.running = this.track(early.started);
    return early;
  }

  /** The cached outcome for `text`, if any (no work started). */
  cached(text: string): ParseOutcome | undefined {
    return this.cache.get(text);
  }

  /**
   * Starts the worker now, if none is running, so that loading and warming PostHog's parser (about
   * 100–150 ms) overlaps whatever comes before the first request: called when the first HogQL
   * document opens. Resolves once it is ready (or failed to start: the next request says so).
   */
  prestart(): Promise<void> {
    if (this.disposed) return Promise.resolve();
    this.running ??= this.start();
    return this.running.ready.catch(() => undefined);
  }

  /**
   * Starts the worker, if none is running, and has it warm its parser up (syntax/workerWarmUp.ts)
   * while no request waits: for a worker started ahead of need, before any HogQL document is open.
   * Requests still go first (they wait at most for the warm-up statement being parsed). Resolves
   * with the worker's report once the warm-up is over, undefined if the worker stopped before.
   */
  warmUp(): Promise<WarmUpReply | undefined> {
    if (this.disposed) return Promise.resolve(undefined);
    const running = (this.running ??= this.start());
    running.warmUp ??= this.askWarmUp(running.worker);
    return running.warmUp;
  }

  private askWarmUp(worker: Worker): Promise<WarmUpReply | undefined> {
    return new Promise((resolve) => {
      const onMessage = (m: Partial<WarmUpReply>): void => {
        if (!m.warmed) return;
        done(m as WarmUpReply);
        if (m.crashed) void this.stop(`parser crashed warming up: ${m.crashed}`, worker);
      };
      const done = (r: WarmUpReply | undefined): void => {
        worker.off('message', onMessage);
        worker.off('exit', onExit);
        resolve(r);
      };
      const onExit = (): void => done(undefined);
      worker.on('message', onMessage);
      worker.on('exit', onExit);
      worker.postMessage({ warmUp: true } satisfies WarmUpRequest);
    });
  }

  /** Parses `text`; resolves undefined when `signal` aborts before the request is sent. */
  parse(text: string, signal?: AbortSignal): Promise<ParseOutcome | undefined> {
    const hit = this.cache.get(text);
    if (hit) return Promise.resolve(hit);
    return new Promise((resolve) => {
      this.queue.push({ text, signal, resolve });
      void this.pump();
    });
  }

  private async pump(): Promise<void> {
    if (this.busy || this.disposed) return;
    this.busy = true;
    try {
      for (let job = this.queue.shift(); job; job = this.queue.shift()) {
        if (job.signal?.aborted) {
          job.resolve(undefined);
          continue;
        }
        const hit = this.cache.get(job.text) ?? (await this.stored(job.text));
        const outcome = hit ?? (await this.run(job.text));
        // A worker that failed to start says nothing about the text: don't cache that.
        if (!hit && outcome && !(outcome.kind === 'crashed' && outcome.startFailure)) this.cache.set(job.text, outcome);
        if (!hit && (outcome?.kind === 'ok' || outcome?.kind === 'error')) this.verdicts?.put(job.text, outcome.kind === 'ok' ? { ok: true } : { ok: false, error: outcome.error });
        if (hit && 'stored' in hit) this.cache.set(job.text, hit);
        job.resolve(outcome);
      }
    } finally {
      this.busy = false;
    }
  }

  /** The verdict on `text` an earlier session's parser gave (verdictStore.ts), if stored. */
  private async stored(text: string): Promise<ParseOutcome | undefined> {
    if (!this.verdicts) return undefined;
    await this.verdicts.loaded;
    const v: Verdict | undefined = this.verdicts.get(text);
    if (!v) return undefined;
    return v.ok ? { kind: 'ok', ms: 0, stored: true } : { kind: 'error', error: v.error, ms: 0, stored: true };
  }

  /** Starts a worker, with the parser's WASM compiled once for all of them (it compiles while the first boots). */
  private start(): Running {
    this.wasm ??= compileParser(this.opts.workerFile);
    return this.track(startWorker(this.opts.workerFile, this.wasm, this.opts.execArgv ?? [], this.opts.startupTimeoutMs ?? 15_000, this.opts.snapshotFile));
  }

  private track(started: StartedWorker): Running {
    this.workersStarted++;
    void started.given.then((given) => {
      if (given) this.workersGivenModule++;
    });
    // what the worker says of its parser snapshot: at start (ready), then each write
    void started.snapshot.then((note) => note && this.opts.log?.(note));
    started.worker.on('message', (m: Partial<SnapshotNote & { ready: true }>) => {
      if (m.snapshot && !m.ready) this.opts.log?.(m.snapshot);
    });
    return { ...started };
  }

  /** Terminates the running worker (only if it is still `which`, when given). */
  /** Ends the running worker (or only `which`, if it is the one running); resolves once it exited. */
  private stop(reason: string, which?: Worker): Promise<number> | undefined {
    const r = this.running;
    if (which && r?.worker !== which) return undefined;
    this.running = undefined;
    if (!r) return undefined;
    this.opts.log?.(`parser worker replaced: ${reason}`);
    return r.worker.terminate();
  }

  /**
   * Sends one request to the worker; never rejects. The request goes out at once, not after the
   * worker's ready message: a fresh worker answers as soon as its parser is loaded, even while this
   * thread is busy (the first check of a document runs right at its open). The timeout runs from
   * the ready message, so loading the parser never counts against it.
   */
  private async run(text: string): Promise<ParseOutcome | undefined> {
    if (this.disposed) return undefined;
    this.running ??= this.start();
    const { worker, ready } = this.running;
    const reply = this.exchange(worker, text, ready);
    try {
      await ready;
    } catch (e) {
      void this.stop(`start failed: ${(e as Error).message}`, worker);
      return { kind: 'crashed', message: (e as Error).message, startFailure: true };
    }
    return reply;
  }

  private exchange(worker: Worker, text: string, ready: Promise<void>): Promise<ParseOutcome> {
    const id = this.nextId++;
    let started = performance.now();
    return new Promise<ParseOutcome>((resolve) => {
      let timer: NodeJS.Timeout | undefined;
      let settled = false;
      const finish = (o: ParseOutcome, replace?: string): void => {
        settled = true;
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('exit', onExit);
        if (replace) void this.stop(replace, worker);
        resolve(o);
      };
      const onMessage = (m: ParseReply): void => {
        if (m.id !== id) return;
        if ('crashed' in m) finish({ kind: 'crashed', message: m.crashed }, `parser crashed: ${m.crashed}`);
        else finish(m.ok ? { kind: 'ok', ms: m.ms, n: m.n, warm: m.warm } : { kind: 'error', error: m.error, ms: m.ms, n: m.n, warm: m.warm });
      };
      const onExit = (code: number): void => finish({ kind: 'crashed', message: `parser worker exited (${code})` }, 'exited');
      worker.on('message', onMessage);
      worker.on('exit', onExit);
      worker.postMessage({ id, text });
      ready.then(
        () => {
          if (settled) return;
          started = performance.now();
          timer = setTimeout(() => finish({ kind: 'timeout', ms: performance.now() - started }, `no answer in ${this.timeoutMs} ms`), this.timeoutMs);
        },
        () => finish({ kind: 'crashed', message: 'parser worker did not start', startFailure: true }),
      );
    });
  }

  /** Ends the worker; resolves once it exited and a verdict write under way is over (nothing of this client writes files after). */
  dispose(): Promise<void> {
    this.disposed = true;
    const written = this.verdicts?.dispose();
    for (const job of this.queue.splice(0)) job.resolve(undefined);
    const exited = this.stop('disposed');
    return Promise.all([written, exited]).then(() => undefined);
  }
}
