/**
 * PostHog's parser WASM compiled once in the extension host and handed to every parser worker
 * (issue #21). Compiling is asynchronous (V8 compiles off the thread; brotli runs on libuv's pool),
 * so the host never blocks; a worker given the module skips reading, decompressing and compiling
 * it. V8 keeps one copy of the compiled code per module for the whole process, so the functions a
 * worker compiled (lazily, and tiered up) stay compiled for the next worker that replaces it after a
 * timeout or a crash. Pure Node (no `vscode`).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { brotliDecompress } from 'node:zlib';

/** V8's WebAssembly API as used here (@types/node declares only the `WebAssembly.Module` type). */
interface WasmApi {
  compile(bytes: Uint8Array): Promise<WebAssembly.Module>;
  Instance: new (module: WebAssembly.Module, imports: object) => object;
}
export const wasmApi = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

/** The WASM file beside the worker, as scripts/lib/parserWasm.mjs ships it. */
export const PARSER_WASM = 'hogql_parser.wasm.br';

/** What a worker receives in `workerData`. */
export interface WorkerModuleData {
  /** The compiled parser, when the host had it before starting the worker. */
  module?: WebAssembly.Module;
  /** The host is compiling it: a `{ module }` message follows (`module` undefined if that failed). */
  moduleFollows?: boolean;
  /**
   * Where the worker writes its parser snapshot (syntax/workerSnapshot.ts); none: no cache. The host
   * reads it as the worker starts: a SnapshotMessage follows.
   */
  snapshotFile?: string;
  /** The bench asks for the worker's phase marks (syntax/timeline.ts). */
  timeline?: boolean;
}

/** The snapshot file's bytes, read by the host (or why not: `code`, e.g. ENOENT). */
export interface SnapshotMessage {
  snapshot: ArrayBuffer | undefined;
  code?: string;
  message?: string;
}

/** The message that hands a worker the module it was told would follow. */
export interface ModuleMessage {
  module: WebAssembly.Module | undefined;
}

/**
 * The decompressed WASM's output buffer: the whole parser (1.07 MB in 1.3.87) in one piece. zlib's
 * asynchronous calls decompress a chunk per job on libuv's pool and hand each back to this thread
 * before the next: with the default 16 KiB, ~67 round trips through the host's event loop, each
 * waiting behind whatever runs there (the language bundle's load, the first checks), while the worker
 * waits for the module (issue #21).
 */
export const WASM_CHUNK = 4 << 20;

/**
 * Compiles the parser shipped beside `workerFile`; undefined when there is none (or it fails).
 * `mark`: the bench's phase marks (timeline.ts). The file (~210 KB) is read synchronously, when
 * called (well under 1 ms from the page cache): an asynchronous read is four round trips through
 * this thread (open, stat, read, close), which the language bundle's load that follows would delay.
 */
export async function compileParserWasm(workerFile: string, mark?: (phase: string) => void): Promise<WebAssembly.Module | undefined> {
  try {
    const compressed = readFileSync(join(dirname(workerFile), PARSER_WASM));
    mark?.('host: WASM read');
    const bytes = await promisify(brotliDecompress)(compressed, { chunkSize: WASM_CHUNK });
    mark?.('host: WASM decompressed');
    return await wasmApi.compile(bytes);
  } catch {
    return undefined; // the worker loads the parser itself
  }
}
