/**
 * Worker thread running PostHog's WASM parser (@posthog/hogql-parser), so a slow or hanging parse
 * never blocks the extension host. One request at a time; replies only whether the statement is
 * valid and, if not, the first error. A thrown error (WASM RuntimeError) poisons the instance: the
 * worker reports it and exits, and the host starts a fresh one.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { ParseReply, ParseRequest } from './syntax/protocol';
import { wasmApi, type ModuleMessage, type WorkerModuleData } from './syntax/wasmModule';

interface PostHogParser {
  parseSelect(text: string): string;
}

// `require`, not `import`: esbuild's CJS output would pick the package's ESM build, which crashes on
// `import.meta.url` (see shared notes on the parser).
// eslint-disable-next-line @typescript-eslint/no-require-imports -- see above
const create = require('@posthog/hogql-parser') as (moduleArg?: object) => Promise<PostHogParser>;

/** The compiled WASM the host hands over (see syntax/wasmModule.ts), if any. */
function givenModule(): Promise<WebAssembly.Module | undefined> {
  const data = (workerData ?? {}) as WorkerModuleData;
  if (data.module || !data.moduleFollows) return Promise.resolve(data.module);
  return new Promise((resolve) => {
    const onModule = (m: ModuleMessage | ParseRequest): void => {
      if (!('module' in m)) return;
      parentPort?.off('message', onModule);
      resolve(m.module);
    };
    parentPort?.on('message', onModule);
  });
}

// With a compiled module, Emscripten's `instantiateWasm` hook instantiates it (synchronously: it
// is compiled already); without one, the glue reads and compiles the WASM itself.
const loaded = givenModule().then(async (mod) => {
  const instantiateWasm = (imports: object, receive: (instance: object, module: WebAssembly.Module) => void): object => {
    receive(new wasmApi.Instance(mod!, imports), mod!);
    return {};
  };
  return { parser: await create(mod ? { instantiateWasm } : {}), given: !!mod };
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

async function handle(req: ParseRequest): Promise<ParseReply> {
  const p = await parser;
  const started = performance.now();
  const json = p.parseSelect(req.text);
  const ms = performance.now() - started;
  const n = ++parses;
  const err = errorOf(json);
  if (!err) return { id: req.id, ok: true, ms, n };
  const message = String(err.message ?? 'Syntax error');
  return { id: req.id, ok: false, ms, n, error: { type: String(err.type ?? 'SyntaxError'), message, start: Number(err.start?.offset ?? 0) } };
}

parentPort?.on('message', (req: ParseRequest | ModuleMessage) => {
  if ('module' in req) return;
  handle(req).then(
    (reply) => parentPort?.postMessage(reply),
    (e: unknown) => {
      parentPort?.postMessage({ id: req.id, crashed: e instanceof Error ? `${e.name}: ${e.message}` : String(e) } satisfies ParseReply);
      process.exit(1);
    },
  );
});

// Ready as soon as the parser is loaded. No warm-up parse: the first request arrives right at the
// open of a document (issue #21) and would wait behind it; the first real parse warms the parser.
void loaded.then((l) => parentPort?.postMessage({ ready: true, given: l.given }));
