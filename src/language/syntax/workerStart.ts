/**
 * Starting a parser worker thread (parser.worker.ts) with PostHog's WASM compiled once in the host
 * (wasmModule.ts). Apart from ParserClient so that the activation bundle can start the first worker
 * when a HogQL document opens, before the language bundle loads (issue #21): the thread's start
 * (~30–40 ms) then overlaps the bundle's load (~20 ms of the main thread), and the client adopts it.
 * Pure Node (no `vscode`); small, since it is part of the activation bundle.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { compileParserWasm, type ModuleMessage, type SnapshotMessage, type WorkerModuleData } from './wasmModule';

/** The parser snapshot cache's file (syntax/workerSnapshot.ts) in the extension's global storage directory. */
export const parserSnapshotFile = (globalStorageDir: string): string => join(globalStorageDir, 'hogql-parser-snapshot.bin');

/** The parser's verdicts (verdictStore.ts) beside its snapshot: `…/hogql-parser-snapshot.bin` → `…/hogql-parser-snapshot-verdicts.json`. */
export const parserVerdictFile = (snapshotFile: string): string => snapshotFile.replace(/(\.\w*)?$/, '-verdicts.json');

/** PostHog's parser compiled once for all workers; `done` once settled (module undefined: none). */
export interface CompiledParser {
  done: boolean;
  module: WebAssembly.Module | undefined;
  compiled: Promise<void>;
}

/** A started worker; `ready` settles on its first message (its parser loaded, or not). */
export interface StartedWorker {
  worker: Worker;
  ready: Promise<void>;
  /** Whether the worker said it was handed the host's compiled WASM (settles with `ready`). */
  given: Promise<boolean>;
  /** What the worker said of its parser snapshot at start (workerSnapshot.ts), if it was given a file. */
  snapshot: Promise<string | undefined>;
}

/** A worker started ahead of the language bundle, with its compile, for ParserClient to adopt. */
export interface EarlyParser {
  workerFile: string;
  wasm: CompiledParser;
  started: StartedWorker;
  /** The verdicts file (parserVerdictFile) and its bytes, read from the open on, when there is a snapshot file. */
  verdicts?: { file: string; bytes: Promise<Uint8Array> };
  /** Ends the worker unless a client adopted it (the client then owns it). */
  dispose(): void;
  /** Set by the client that adopts it. */
  adopted: boolean;
}

/** The bytes as an ArrayBuffer of their own, to move to the worker (readFile gives one this size: no copy). */
function ownBuffer(b: Buffer): ArrayBuffer {
  const whole = b.buffer instanceof ArrayBuffer && b.byteOffset === 0 && b.length === b.buffer.byteLength;
  return whole ? b.buffer : new Uint8Array(b).buffer;
}

/** Posts to a worker that may be gone already; `move`: hand over the message's ArrayBuffer. */
function post(worker: Worker, m: ModuleMessage | SnapshotMessage, move = false): void {
  try {
    worker.postMessage(m, move && 'snapshot' in m && m.snapshot ? [m.snapshot] : undefined);
  } catch {
    // the worker is gone already
  }
}

/** Starts compiling the parser's WASM (asynchronous: it runs while the worker boots). `mark`: the bench's phase marks (timeline.ts). */
export function compileParser(workerFile: string, mark?: (phase: string) => void): CompiledParser {
  const wasm: CompiledParser = { done: false, module: undefined, compiled: Promise.resolve() };
  wasm.compiled = compileParserWasm(workerFile, mark).then((module) => {
    mark?.('host: WASM compiled');
    wasm.module = module;
    wasm.done = true;
  });
  return wasm;
}

/**
 * Starts a worker and hands it the compiled parser (now, or in a message once compiled). The
 * ready listener is attached at once, so a ready message sent before anyone asks is not lost.
 */
export function startWorker(workerFile: string, wasm: CompiledParser, execArgv: string[], startupTimeoutMs: number, snapshotFile?: string, mark?: (phase: string) => void): StartedWorker {
  const workerData: WorkerModuleData = { ...(wasm.done ? { module: wasm.module } : { moduleFollows: true }), snapshotFile, ...(mark && { timeline: true }) };
  // the snapshot's read starts now, beside the thread's start (~30–70 ms, far more under load), and
  // its bytes follow in a message (moved, not copied)
  const snapshotRead = snapshotFile === undefined ? undefined : readFile(snapshotFile);
  const worker = new Worker(workerFile, { execArgv, workerData });
  void snapshotRead?.then(
    (b) => {
      mark?.('host: snapshot read');
      post(worker, { snapshot: ownBuffer(b) }, true);
    },
    (e: NodeJS.ErrnoException) => post(worker, { snapshot: undefined, code: e.code, message: e.message }),
  );
  if (!wasm.done) {
    void wasm.compiled.then(() => {
      post(worker, { module: wasm.module } satisfies ModuleMessage);
    });
  }
  worker.unref();
  let given = false;
  let snapshot: string | undefined;
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('parser worker did not start in time')), startupTimeoutMs);
    worker.once('message', (m: unknown) => {
      clearTimeout(timer);
      const r = m as { ready?: boolean; given?: boolean; snapshot?: string };
      given = !!r.given;
      snapshot = r.snapshot;
      if (r.ready) resolve();
      else reject(new Error('parser worker sent no ready message'));
    });
    worker.once('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
  });
  ready.catch(() => undefined);
  return { worker, ready, given: ready.then(() => given, () => false), snapshot: ready.then(() => snapshot, () => undefined) };
}

/**
 * Starts the first worker and its compile ahead of the language bundle (see the header).
 * `snapshotFile`: the parser snapshot cache's file (workerSnapshot.ts), in the global storage;
 * `mark`: the bench's phase marks (timeline.ts; the worker's too).
 */
export function startParserEarly(workerFile: string, snapshotFile?: string, startupTimeoutMs = 15_000, mark?: (phase: string) => void): EarlyParser {
  const wasm = compileParser(workerFile, mark);
  const started = startWorker(workerFile, wasm, [], startupTimeoutMs, snapshotFile, mark);
  // the stored verdicts (verdictStore.ts): a later session's first verdicts need no worker
  const verdictFile = snapshotFile === undefined ? undefined : parserVerdictFile(snapshotFile);
  const verdicts = verdictFile === undefined ? undefined : { file: verdictFile, bytes: readFile(verdictFile) };
  verdicts?.bytes.catch(() => undefined); // the client that adopts this worker reads the error
  const early: EarlyParser = {
    workerFile,
    wasm,
    started,
    verdicts,
    adopted: false,
    dispose: () => {
      if (!early.adopted) void started.worker.terminate();
    },
  };
  return early;
}
