// The parser snapshot (src/language/syntax/snapshot.ts, snapshotStore.ts; issue #21): a warmed
// instance's memory restored into a fresh one must give exactly a fresh instance's results, on
// PostHog's own parser tests, statements generated from its grammar and near-miss mutants of both;
// a snapshot that is corrupt, truncated or of another build is refused (and its file deleted).
import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { applySnapshot, decodeSnapshot, encodeSnapshot, SNAPSHOT_FORMAT, type Snapshot } from '../../../src/language/syntax/snapshot';
import { readSnapshot, STALE_TEMP_MS, writeSnapshot } from '../../../src/language/syntax/snapshotStore';
import { growMemory, memoryOf } from '../../../src/language/syntax/workerSnapshot';
import { WORKER_WARM_UP } from '../../../src/language/syntax/workerWarmUp';
import { differentialSources } from './support/differentialSources';

interface Parser {
  parseSelect(text: string): string;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the package's CJS build, as the worker loads it
const create = require('@posthog/hogql-parser') as (moduleArg?: object) => Promise<Parser>;
const root = join(__dirname, '..', '..', '..');
const KEY = 'test build';

describe('language: parser snapshot', function () {
  this.timeout(300_000);
  let mod: WebAssembly.Module;
  /** A started instance and its memory (as the worker gets them through the glue's hook). */
  const instance = async (memoryBytes?: number): Promise<{ parser: Parser; memory: () => Uint8Array }> => {
    let inst: object | undefined;
    const instantiateWasm = (imports: object, receive: (i: object, m: WebAssembly.Module) => void): object => {
      inst = new (globalThis as unknown as { WebAssembly: { Instance: new (m: WebAssembly.Module, i: object) => object } }).WebAssembly.Instance(mod, imports);
      growMemory(inst, memoryBytes);
      receive(inst, mod);
      return {};
    };
    const parser = await create({ instantiateWasm });
    return { parser, memory: () => memoryOf(inst!)! };
  };
  let warmed: Uint8Array;
  let file: Buffer;

  before(async () => {
    const { splitParser } = await import('../../../scripts/lib/parserWasm.mjs');
    const { wasm } = splitParser(join(root, 'node_modules/@posthog/hogql-parser/dist/hogql_parser_wasm.cjs'));
    mod = new (globalThis as unknown as { WebAssembly: { Module: new (b: Uint8Array) => WebAssembly.Module } }).WebAssembly.Module(wasm);
    const source = await instance();
    const inputs = differentialSources().flatMap((s) => s.inputs.slice(0, 40));
    for (const text of [...WORKER_WARM_UP, ...inputs.map((i) => i.text)]) {
      try {
        source.parser.parseSelect(text);
      } catch {
        break; // a crash poisons the instance: snapshot what it had before (never done in the worker)
      }
    }
    warmed = source.memory().slice();
    const base = (await instance()).memory();
    assert.equal(encodeSnapshot(warmed, base, KEY), undefined, 'over the size cap: not taken');
    // over the cap, so that a memory that grew is tested: the restore must grow the fresh one first
    file = encodeSnapshot(warmed, base, KEY, 64 * 2 ** 20)!;
    assert.ok(file);
    assert.ok(warmed.length > base.length, `the warmed memory grew (${warmed.length} bytes, fresh ${base.length}): a restore grows it`);
  });

  it('starts every instance with the same memory, so the diff against a fresh one is all a snapshot needs', async () => {
    const [a, b] = [await instance(), await instance()];
    assert.ok(Buffer.from(a.memory()).equals(b.memory()));
  });

  it('restores exactly the warmed memory into a fresh instance', async () => {
    const s = decodeSnapshot(file, KEY) as Snapshot;
    assert.ok(s.pages.length > 100, `pages: ${s.pages.length}`);
    const fresh = await instance(s.memoryBytes);
    assert.ok(applySnapshot(fresh.memory(), s));
    assert.ok(Buffer.from(fresh.memory()).equals(warmed));
  });

  it("gives a fresh instance's exact results (AST or error with positions) on PostHog's tests, generated statements and mutants", async () => {
    const s = decodeSnapshot(file, KEY) as Snapshot;
    const restored = async (): Promise<Parser> => {
      const r = await instance(s.memoryBytes);
      assert.ok(applySnapshot(r.memory(), s));
      return r.parser;
    };
    let [fresh, warm] = [(await instance()).parser, await restored()];
    const run = (p: Parser, text: string): string => {
      try {
        return p.parseSelect(text);
      } catch (e) {
        return `crash: ${(e as Error).message}`;
      }
    };
    let compared = 0;
    let errors = 0;
    for (const source of differentialSources({ generatedSeed: 21, generatedCount: 300, mutationSeed: 2121, mutantsPerSource: 150 })) {
      for (const input of source.inputs) {
        const want = run(fresh, input.text);
        assert.equal(run(warm, input.text), want, `${source.name}: ${input.id}: ${input.text}`);
        compared++;
        if (want.includes('"error":true')) errors++;
        // a crash poisons an instance: both start again
        if (want.startsWith('crash:')) [fresh, warm] = [(await instance()).parser, await restored()];
      }
    }
    assert.ok(compared > 750 && errors > 200, `compared ${compared}, errors ${errors}`);
  });

  it('refuses a corrupt, truncated, padded, foreign or other-format snapshot', () => {
    const flipped = Buffer.from(file);
    flipped[flipped.length >> 1]! ^= 1;
    const otherFormat = Buffer.from(file);
    otherFormat.writeUInt32LE(SNAPSHOT_FORMAT + 1, 4);
    const cases: [string, Uint8Array, string, RegExp][] = [
      ['a flipped bit', flipped, KEY, /checksum/],
      ['truncated', file.subarray(0, file.length - 4096), KEY, /truncated/],
      ['padded', Buffer.concat([file, Buffer.alloc(1)]), KEY, /truncated/],
      ['empty', Buffer.alloc(0), KEY, /not a parser snapshot/],
      ['another build', file, 'other build', /another parser build/],
      ['another format', otherFormat, KEY, /format/],
    ];
    for (const [name, bytes, key, why] of cases) {
      const r = decodeSnapshot(bytes, key);
      assert.ok('invalid' in r && why.test(r.invalid), `${name}: ${JSON.stringify('invalid' in r ? r.invalid : 'accepted')}`);
    }
  });

  it('does not apply a snapshot to a memory of another size', () => {
    const s = decodeSnapshot(file, KEY) as Snapshot;
    const other = new Uint8Array(s.memoryBytes + 65536);
    assert.equal(applySnapshot(other, s), false);
    assert.ok(other.every((b) => b === 0));
  });

  it('writes atomically, reads back, and deletes a file that is not a valid snapshot', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hogql-snapshot-'));
    try {
      const f = join(dir, 'sub', 'snap.bin');
      assert.equal((await readSnapshot(f, Promise.resolve(KEY))).note, 'no snapshot');
      await writeSnapshot(f, file);
      assert.ok(readFileSync(f).equals(file));
      const ok = await readSnapshot(f, Promise.resolve(KEY));
      assert.ok(ok.snapshot && ok.snapshot.pages.length > 0);
      assert.match((await readSnapshot(f, Promise.resolve('other build'))).note, /ignored and deleted: another parser build/);
      assert.equal(existsSync(f), false);
      writeFileSync(f, file.subarray(0, 1000));
      assert.match((await readSnapshot(f, Promise.resolve(KEY))).note, /ignored and deleted: checksum mismatch/);
      assert.equal(existsSync(f), false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("deletes the temporary files of writes that never finished, not a recent one of another writer", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hogql-snapshot-'));
    try {
      const f = join(dir, 'snap.bin');
      const old = `${f}.1-0-1.tmp`;
      const recent = `${f}.2-0-2.tmp`;
      writeFileSync(old, 'left by a crash');
      writeFileSync(recent, 'being written');
      const longAgo = new Date(Date.now() - STALE_TEMP_MS - 5_000);
      utimesSync(old, longAgo, longAgo);
      writeFileSync(join(dir, 'other.tmp'), 'not ours');
      utimesSync(join(dir, 'other.tmp'), longAgo, longAgo);
      await writeSnapshot(f, file);
      assert.deepEqual(readdirSync(dir).sort(), ['other.tmp', 'snap.bin', basename(recent)].sort());
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
