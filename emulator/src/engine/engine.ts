/**
 * The main-process side of the engine: forks `child.ts` (chdb), sends it SQL and never blocks the
 * event loop. Cancel = KILL QUERY in the child; if the query has not stopped after `killGraceMs`,
 * the child is SIGKILLed (chdb notes: exits in ~11 ms, lock released) and restarted on next use.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { FrameReader } from './dataPipe';
import type { FromChild, ReaderLimits, ToChild } from './protocol';
import { QueryLog } from './queryLog';
import { CH_QUERY_WAS_CANCELLED, EngineError, type Engine, type EngineQueryInfo, type EngineQueryOptions, type EngineResult } from './types';

export interface ChildEngineOptions {
  dataDir: string;
  limits?: Partial<ReaderLimits>;
  /** After a cancel, how long KILL QUERY may take before the child is SIGKILLed. */
  killGraceMs?: number;
}

export const DEFAULT_LIMITS: ReaderLimits = {
  maxExecutionTime: 60,
  maxResultRows: 1_000_000,
  maxMemoryUsage: 4_000_000_000,
  maxReaders: 3,
};

interface Pending {
  resolve: (text: string) => void;
  reject: (err: EngineError) => void;
  onProgress?: EngineQueryOptions['onProgress'];
  onChunk?: (text: string) => void;
  /** A streamed query's engine work ended without error (its rows may still be on the pipe). */
  onEngineDone?: () => void;
  /** Frames of rows received from the data pipe, and how many the engine wrote (once it ended). */
  framesSeen: number;
  framesExpected?: number;
  info?: EngineQueryInfo;
  killTimer?: NodeJS.Timeout;
}

function childEntry(): { file: string; execArgv: string[] } {
  const js = join(__dirname, 'child.js');
  if (existsSync(js) && !__filename.endsWith('.ts')) return { file: js, execArgv: [] };
  return { file: join(__dirname, 'child.ts'), execArgv: ['--require', require.resolve(['tsx', 'cjs'].join('/'))] };
}

export class ChildEngine implements Engine {
  readonly log = new QueryLog();
  private child: ChildProcess | null = null;
  private starting: Promise<ChildProcess> | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  /** Internal child id → caller queryId, for mapping system.processes back (bounded). */
  private readonly callerIds = new Map<number, string>();
  private readonly limits: ReaderLimits;
  private closed = false;

  constructor(private readonly opts: ChildEngineOptions) {
    this.limits = { ...DEFAULT_LIMITS, ...opts.limits };
  }

  /** Fork the child and open the data dir (idempotent). */
  start(): Promise<ChildProcess> {
    if (this.child) return Promise.resolve(this.child);
    if (this.closed) return Promise.reject(new EngineError('Engine is closed'));
    this.starting ??= this.spawn().finally(() => (this.starting = null));
    return this.starting;
  }

  async query(sql: string, opts: EngineQueryOptions): Promise<EngineResult> {
    return { text: await this.run(sql, opts) };
  }

  /**
   * Streams the result: `onChunk` gets JSONCompactEachRowWithNamesAndTypes text block by block
   * (whole lines; the first holds the names and types lines) as the engine produces it;
   * `onEngineDone` is called once the engine has finished without error, which may be before the
   * last rows have arrived. Resolves once every row has been passed to `onChunk`.
   */
  async queryStream(sql: string, opts: EngineQueryOptions, onChunk: (text: string) => void, onEngineDone?: () => void): Promise<void> {
    await this.run(sql, opts, onChunk, onEngineDone);
  }

  private async run(sql: string, opts: EngineQueryOptions, onChunk?: (text: string) => void, onEngineDone?: () => void): Promise<string> {
    const info = this.log.add(opts.queryId);
    if (opts.signal?.aborted) {
      this.log.finish(info, 'cancelled', true, null);
      throw new EngineError('Query was cancelled', CH_QUERY_WAS_CANCELLED);
    }
    const child = await this.start();
    const id = this.nextId++;
    this.callerIds.set(id, opts.queryId);
    if (this.callerIds.size > 2000) this.callerIds.delete(this.callerIds.keys().next().value as number);
    const text = await new Promise<string>((resolve, reject) => {
      const p: Pending = { resolve, reject, onProgress: opts.onProgress, onChunk, onEngineDone, framesSeen: 0, info };
      this.pending.set(id, p);
      const onAbort = (): void => this.cancel(id, p);
      opts.signal?.addEventListener('abort', onAbort, { once: true });
      p.resolve = (t) => (opts.signal?.removeEventListener('abort', onAbort), resolve(t));
      p.reject = (e) => (opts.signal?.removeEventListener('abort', onAbort), reject(e));
      this.send(child, {
        t: 'query',
        id,
        sql,
        timeoutSeconds: opts.timeoutSeconds ?? this.limits.maxExecutionTime,
        wantProgress: true,
        stream: onChunk !== undefined,
      });
    });
    return text;
  }

  /** Writer path (DDL). Not reachable from user SQL. */
  async exec(sql: string): Promise<string> {
    return this.call((id) => ({ t: 'exec', id, sql }));
  }

  /** Writer path: JSONEachRow text, or a file holding it. */
  async insert(table: string, src: { text: string } | { file: string }): Promise<number> {
    const out = await this.call((id) => ({ t: 'insert', id, table, ...src }));
    return (JSON.parse(out) as { rowsWritten: number }).rowsWritten;
  }

  /** Caller query ids that the engine itself reports as running (its system.processes table). */
  async engineRunning(): Promise<string[]> {
    if (!this.child) return [];
    const ids = JSON.parse(await this.call((id) => ({ t: 'processes', id }))) as number[];
    return ids.map((i) => this.callerIds.get(i) ?? `internal:${i}`);
  }

  get childPid(): number | undefined {
    return this.child?.pid;
  }

  async close(): Promise<void> {
    this.closed = true;
    const child = this.child ?? (this.starting ? await this.starting.catch(() => null) : null);
    if (!child) return;
    await new Promise<void>((resolve) => {
      const t = setTimeout(() => child.kill('SIGKILL'), 3000);
      child.once('exit', () => (clearTimeout(t), resolve()));
      if (child.connected) this.send(child, { t: 'close' });
      else child.kill('SIGKILL');
    });
  }

  private async call(make: (id: number) => ToChild): Promise<string> {
    const child = await this.start();
    const id = this.nextId++;
    return new Promise<string>((resolve, reject) => {
      this.pending.set(id, { resolve, reject, framesSeen: 0 });
      this.send(child, make(id));
    });
  }

  private cancel(id: number, p: Pending): void {
    if (!this.pending.has(id)) return;
    if (p.info) this.log.setState(p.info, 'cancelling');
    p.reject(new EngineError('Query was cancelled', CH_QUERY_WAS_CANCELLED));
    // Keep the entry until the child confirms the work ended; swallow the late answer.
    p.resolve = () => undefined;
    p.reject = () => undefined;
    const child = this.child;
    if (!child) return;
    this.send(child, { t: 'cancel', id });
    p.killTimer = setTimeout(() => {
      if (this.pending.has(id) && this.child === child) {
        child.kill('SIGKILL');
      }
    }, this.opts.killGraceMs ?? 3000);
  }

  private send(child: ChildProcess, msg: ToChild): void {
    if (child.connected) child.send(msg);
  }

  private spawn(): Promise<ChildProcess> {
    const { file, execArgv } = childEntry();
    const child = fork(file, [], {
      execArgv,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc', 'pipe'],
      env: { ...process.env, UV_THREADPOOL_SIZE: String(Math.max(4, this.limits.maxReaders + 3)) },
      serialization: 'advanced',
    });
    const frames = new FrameReader((id, payload) => this.onFrame(id, payload));
    (child.stdio[4] as Readable).on('data', (data: Buffer) => frames.push(data));
    return new Promise((resolve, reject) => {
      const onEarlyExit = (code: number | null, sig: string | null): void =>
        reject(new EngineError(`Engine process exited during start (code ${code}, signal ${sig})`));
      child.once('exit', onEarlyExit);
      child.on('message', (raw) => {
        const msg = raw as FromChild;
        if (msg.t === 'ready') {
          child.off('exit', onEarlyExit);
          child.once('exit', () => this.onChildExit(child));
          this.child = child;
          resolve(child);
        } else if (msg.t === 'fatal') {
          child.kill('SIGKILL');
          reject(new EngineError(`Engine failed to start: ${msg.message}`));
        } else this.onMessage(msg);
      });
      child.send({ t: 'init', dataDir: this.opts.dataDir, limits: this.limits } satisfies ToChild);
    });
  }

  private onMessage(msg: FromChild): void {
    if (msg.t === 'ready' || msg.t === 'fatal') return;
    const p = this.pending.get(msg.id);
    if (!p) return;
    if (msg.t === 'started') {
      if (p.info && p.info.state === 'queued') this.log.setState(p.info, 'running');
      return;
    }
    if (msg.t === 'progress') {
      if (p.info) p.info.progress = msg.progress;
      p.onProgress?.(msg.progress);
      return;
    }
    this.pending.delete(msg.id);
    if (p.killTimer) clearTimeout(p.killTimer);
    const cancelling = p.info?.state === 'cancelling';
    if (msg.t === 'ok') {
      if (p.info) this.log.finish(p.info, cancelling ? 'cancelled' : 'done', cancelling ? true : null, cancelling ? 'kill_query' : null);
      if (msg.frames !== undefined && p.framesSeen < msg.frames) {
        // The engine has finished; its last rows are still on the data pipe.
        p.framesExpected = msg.frames;
        this.pending.set(msg.id, p);
        if (!cancelling) p.onEngineDone?.();
        return;
      }
      p.resolve(msg.text);
    } else {
      if (p.info) this.log.finish(p.info, cancelling ? 'cancelled' : 'failed', cancelling ? true : null, cancelling ? 'kill_query' : null);
      p.reject(new EngineError(msg.message, msg.code));
    }
  }

  /** One frame of a streamed query's rows from the data pipe. */
  private onFrame(id: number, payload: Buffer): void {
    const p = this.pending.get(id);
    if (!p) return;
    p.framesSeen++;
    if (p.info?.state !== 'cancelling') p.onChunk?.(payload.toString('utf8'));
    if (p.framesExpected !== undefined && p.framesSeen >= p.framesExpected) {
      this.pending.delete(id);
      p.resolve('');
    }
  }

  private onChildExit(child: ChildProcess): void {
    if (this.child === child) this.child = null;
    for (const [id, p] of this.pending) {
      this.pending.delete(id);
      if (p.killTimer) clearTimeout(p.killTimer);
      const cancelling = p.info?.state === 'cancelling';
      if (p.info) this.log.finish(p.info, cancelling ? 'cancelled' : 'failed', cancelling ? true : null, cancelling ? 'child_killed' : null);
      p.reject(new EngineError('The engine process exited while the query ran'));
    }
  }
}
