// Loading PostHog's parser at a first open (issue #21): how the extension host loads the WASM for its
// workers (src/language/syntax/wasmModule.ts: the worker waits for that module, and each step that
// needs the host's event loop waits behind the language bundle's load and the first checks), and
// what the worker's script loads before its first parse.
import * as assert from 'node:assert/strict';
import { createHook } from 'node:async_hooks';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { compileParserWasm } from '../../../src/language/syntax/wasmModule';
import { buildParserWorker } from './support/workerBuild';

/** The callbacks of each async resource type that ran on this thread while `fn` ran. */
async function callbacksDuring<T>(fn: () => Promise<T>): Promise<[T, Record<string, number>]> {
  const types = new Map<number, string>();
  const counts: Record<string, number> = {};
  const hook = createHook({
    init: (id, type) => void types.set(id, type),
    before: (id) => {
      const type = types.get(id);
      if (type) counts[type] = (counts[type] ?? 0) + 1;
    },
  }).enable();
  try {
    return [await fn(), counts];
  } finally {
    hook.disable();
  }
}

describe('language: loading the parser at a first open (issue #21)', function () {
  this.timeout(60_000);
  let dir: string;
  let workerFile: string;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hogql-wasm-'));
    workerFile = await buildParserWorker(dir);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('decompresses it in one piece: one callback through the event loop, not one per 16 KiB chunk', async () => {
    const [mod, counts] = await callbacksDuring(() => compileParserWasm(workerFile));
    assert.ok(mod, 'compiled'); // the workers' verdicts on it: parserWorker.test.ts
    // zlib's default chunk (16 KiB) made ~60 round trips for the 1.07 MB WASM
    assert.ok((counts.ZLIB ?? 0) <= 2, `zlib callbacks: ${counts.ZLIB}`);
  });

  it("the worker's script loads no node:crypto or node:fs/promises while it has no snapshot to check", async () => {
    // the worker as the extension starts it (a snapshot file in the global storage, the module to
    // follow), stopped right after its script ran: what had it loaded by then?
    const probe = `require(${JSON.stringify(workerFile)}); require('node:worker_threads').parentPort.postMessage(process.moduleLoadList.filter((m) => /^NativeModule (crypto|fs\\/promises)$/.test(m)));`;
    const w = new Worker(probe, { eval: true, workerData: { moduleFollows: true, snapshotFile: join(dir, 'none', 'hogql-parser-snapshot.bin') } });
    try {
      const loaded = await new Promise((resolve, reject) => (w.once('message', resolve), w.once('error', reject)));
      // each ~2-4 ms of the thread's CPU before its first parse
      assert.deepEqual(loaded, []);
    } finally {
      await w.terminate();
    }
  });
});
