/**
 * Worker thread running PostHog's WASM parser (@posthog/hogql-parser), so a slow or hanging parse
 * never blocks the extension host. One request at a time; replies only whether the statement is
 * valid and, if not, the first error. A thrown error (WASM RuntimeError) poisons the instance: the
 * worker reports it and exits, and the host starts a fresh one. While no request waits it parses
 * the first of syntax/workerWarmUp.ts's statements, and all of them when asked to (a worker started
 * ahead of need).
 */
import { parentPort, receiveMessageOnPort, workerData } from 'node:worker_threads';
import type { ParseReply, ParseRequest, WarmUpReply, WarmUpRequest } from './syntax/protocol';
import { mark, type Mark, type TimelineMessage } from './syntax/timeline';
import { wasmApi, type ModuleMessage, type SnapshotMessage, type WorkerModuleData } from './syntax/wasmModule';
import { growMemory, memoryOf, WorkerSnapshot, type ParserInstances } from './syntax/workerSnapshot';
import { WORKER_WARM_UP } from './syntax/workerWarmUp';

/** The bench's phase marks (syntax/timeline.ts), when asked for. */
const marks: Mark[] | undefined = ((workerData ?? {}) as WorkerModuleData).timeline ? [] : undefined;
mark(marks, 'script');

interface PostHogParser {
  parseSelect(text: string): string;
}

// `require`, not `import`: esbuild's CJS output would pick the package's ESM build, which crashes on
// `import.meta.url` (see shared notes on the parser).
// eslint-disable-next-line @typescript-eslint/no-require-imports -- see above
const create = require('@posthog/hogql-parser') as (moduleArg?: object) => Promise<PostHogParser>;
mark(marks, 'glue loaded');

/** The compiled WASM the host hands over (see syntax/wasmModule.ts), if any. */
function givenModule(): Promise<WebAssembly.Module | undefined> {
  const data = (workerData ?? {}) as WorkerModuleData;
  if (data.module || !data.moduleFollows) return Promise.resolve(data.module);
  return new Promise((resolve) => {
    const onModule = (m: ModuleMessage | ParseRequest): void => {
      if (!('module' in m)) return;
      parentPort?.off('message', onModule);
      mark(marks, 'module received');
      resolve(m.module);
    };
    parentPort?.on('message', onModule);
  });
}

/** The snapshot file's bytes, which the host read as it started this worker (a SnapshotMessage). */
function snapshotBytes(): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const onSnapshot = (m: SnapshotMessage | ParseRequest): void => {
      if (!('snapshot' in m)) return;
      parentPort?.off('message', onSnapshot);
      mark(marks, 'snapshot received');
      if (m.snapshot) resolve(new Uint8Array(m.snapshot));
      else reject(Object.assign(new Error(m.message ?? 'not read'), { code: m.code }));
    };
    parentPort?.on('message', onSnapshot);
  });
}

/** The snapshot cache (syntax/workerSnapshot.ts), when the host gave a file for it. */
const snapshotFile = ((workerData ?? {}) as WorkerModuleData).snapshotFile;
const snapshot =
  snapshotFile === undefined
    ? undefined
    : new WorkerSnapshot(snapshotFile, __dirname, typeof __HOGQL_PARSER_VERSION__ === 'string' ? __HOGQL_PARSER_VERSION__ : 'unknown', snapshotBytes(), (n) => parentPort?.postMessage(n));

/**
 * A started parser instance on `mod`; `onInstance` receives its WASM instance. `memoryBytes`: the
 * size its memory is grown to before the glue sees it (a snapshot's, workerSnapshot.ts).
 */
async function instantiate(mod: WebAssembly.Module | undefined, onInstance: (i: object) => void, memoryBytes?: number): Promise<PostHogParser> {
  const instantiateWasm = (imports: object, receive: (instance: object, module: WebAssembly.Module) => void): object => {
    const instance = new wasmApi.Instance(mod!, imports);
    mark(marks, 'instantiated');
    growMemory(instance, memoryBytes);
    onInstance(instance);
    receive(instance, mod!);
    return {};
  };
  return create(mod ? { instantiateWasm } : {});
}

// With a compiled module, Emscripten's `instantiateWasm` hook instantiates it (synchronously: it
// is compiled already); without one, the glue reads and compiles the WASM itself. A snapshot is
// restored (or not) before the instance's first parse, so before the ready message.
let instances: ParserInstances | undefined;
const loaded = givenModule().then(async (mod) => {
  let instance: object | undefined;
  const p = await instantiate(mod, (i) => (instance = i), mod && (await snapshot?.memoryBytes()));
  mark(marks, 'runtime started');
  let note: string | undefined;
  if (snapshot && instance) {
    note = await snapshot.restore(memoryOf(instance));
    mark(marks, 'snapshot restored');
    instances = {
      memory: () => memoryOf(instance!),
      freshMemory: async () => {
        let fresh: object | undefined;
        await instantiate(mod, (i) => (fresh = i));
        return fresh && memoryOf(fresh);
      },
    };
  } else if (snapshot) note = 'snapshot not used: the worker compiled the parser itself';
  return { parser: p, given: !!mod, snapshot: note };
});
const parser = loaded.then((l) => l.parser);

interface RawError {
  error?: boolean;
  type?: string;
  message?: string;
  start?: { offset?: number };
}

/**
 * The error of a result, without parsing valid results (they can be megabytes of AST). Errors are
 * small objects with sorted keys, `{"end":{…},"error":true,…}`; an AST's `"error"` could only be
 * inside an escaped string, never as a bare key near the start.
 */
function errorOf(json: string): RawError | undefined {
  if (!json.slice(0, 200).includes('"error":true')) return undefined;
  return JSON.parse(json) as RawError;
}

/** Parses run by this worker so far (the first one pays for compiling PostHog's parser). */
let parses = 0;
/** Warm-up statements parsed so far; the next one is WORKER_WARM_UP[warmed]. */
let warmed = 0;
let warmUpMs = 0;
/**
 * How many warm-up statements to parse while no request waits: the first one ('SELECT 1') always
 * (PostHog's parser deserialises its ATN on its first parse: ~20 ms that the first request then
 * does not pay, issue #21), all of them once the host asks (a worker started ahead of need).
 */
let warmUpWanted = 1;
/** Requests not answered yet, oldest first: they always go before the next warm-up statement. */
const waiting: ParseRequest[] = [];
let scheduled = false;

function handle(p: PostHogParser, req: ParseRequest): ParseReply {
  mark(marks, 'parse started');
  const started = performance.now();
  const json = p.parseSelect(req.text);
  const ms = performance.now() - started;
  mark(marks, 'parsed');
  const n = ++parses;
  if (instances) snapshot?.parsed(instances);
  const err = errorOf(json);
  if (!err) return { id: req.id, ok: true, ms, n, warm: warmed };
  const message = String(err.message ?? 'Syntax error');
  return { id: req.id, ok: false, ms, n, warm: warmed, error: { type: String(err.type ?? 'SyntaxError'), message, start: Number(err.start?.offset ?? 0) } };
}

const crashText = (e: unknown): string => (e instanceof Error ? `${e.name}: ${e.message}` : String(e));

/**
 * One task: the oldest waiting request, else the next warm-up statement. Each task ends with a
 * turn of the event loop (setImmediate), so a request posted during a warm-up statement is
 * received before the next one starts.
 */
function step(p: PostHogParser): void {
  scheduled = false;
  const req = waiting.shift();
  if (req) {
    try {
      parentPort?.postMessage(handle(p, req));
      if (marks?.length) parentPort?.postMessage({ timeline: marks.splice(0) } satisfies TimelineMessage);
    } catch (e) {
      parentPort?.postMessage({ id: req.id, crashed: crashText(e) } satisfies ParseReply);
      process.exit(1);
    }
  } else if (warmed < warmUpWanted) {
    const started = performance.now();
    try {
      p.parseSelect(WORKER_WARM_UP[warmed]);
    } catch (e) {
      // the instance is poisoned: say so (the host replaces this worker) and stop
      parentPort?.postMessage({ warmed: true, pieces: warmed, ms: warmUpMs, crashed: crashText(e) } satisfies WarmUpReply);
      process.exit(1);
    }
    warmUpMs += performance.now() - started;
    if (instances) snapshot?.parsed(instances);
    if (++warmed === WORKER_WARM_UP.length) parentPort?.postMessage({ warmed: true, pieces: warmed, ms: warmUpMs } satisfies WarmUpReply);
  }
  schedule();
}

function schedule(): void {
  if (scheduled || (waiting.length === 0 && warmed >= warmUpWanted)) return;
  scheduled = true;
  void parser.then((p) => setImmediate(() => step(p)));
}

function receive(m: ParseRequest | ModuleMessage | SnapshotMessage | WarmUpRequest): void {
  if ('module' in m || 'snapshot' in m) return;
  if ('warmUp' in m) warmUpWanted = WORKER_WARM_UP.length;
  else {
    if (parses === 0 && waiting.length === 0) mark(marks, 'request received');
    waiting.push(m);
  }
  schedule();
}
parentPort?.on('message', receive);

// Ready as soon as the parser is loaded; then, unless a request waits, the first warm-up statement.
// The whole warm-up runs only when the host asks for it (a worker started ahead of need), and
// never ahead of a waiting request: a request sent before the parser loaded is its first parse.
// Requests posted while the worker started may not have been delivered yet: take them first.
void loaded.then((l) => {
  mark(marks, 'ready');
  parentPort?.postMessage({ ready: true, given: l.given, snapshot: l.snapshot });
  for (let m = parentPort && receiveMessageOnPort(parentPort); m; m = receiveMessageOnPort(parentPort!)) receive(m.message as ParseRequest);
  schedule();
});
