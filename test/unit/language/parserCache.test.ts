// The setting hogql.diagnostics.parserCache (src/language/syntax/parserCache.ts): off, PostHog's
// parser's caches on disk (the snapshot of its memory, its verdicts) are neither read nor written,
// and their files are deleted once no client or worker of the session writes them.
import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parserCacheFiles, removeParserCache } from '../../../src/language/syntax/parserCache';
import { VerdictStore } from '../../../src/language/syntax/verdictStore';
import { parserSnapshotFile, parserVerdictFile, startParserEarly } from '../../../src/language/syntax/workerStart';
import { parserWorkerSuite } from './support/workerBuild';

const STATEMENTS = ['SELECT 1 FROM events', 'SELECT event, count() FROM events GROUP BY event', 'SELECT a,, b FROM events', 'SELECT (1 + 2)) FROM events'];

/** A client's log, and a promise of its first line matching each of `wanted`. */
function logOf(wanted: RegExp[]): { lines: string[]; log: (m: string) => void; found: Promise<string[]> } {
  const lines: string[] = [];
  const waits = wanted.map((re) => {
    let found: (m: string) => void = () => undefined;
    return { re, found: new Promise<string>((resolve) => (found = resolve)), resolve: (m: string) => found(m) };
  });
  const log = (m: string): void => {
    lines.push(m);
    for (const w of waits) if (w.re.test(m)) w.resolve(m);
  };
  return { lines, log, found: Promise.all(waits.map((w) => w.found)) };
}

describe('language: the parser caches on disk can be turned off (hogql.diagnostics.parserCache)', function () {
  this.timeout(60_000);
  const w = parserWorkerSuite('hogql-parser-cache-');

  it('on: both files in the global storage; off: none', () => {
    const snapshotFile = parserSnapshotFile('g');
    assert.deepEqual(parserCacheFiles('g', true), { snapshotFile, verdictFile: parserVerdictFile(snapshotFile) });
    assert.deepEqual(parserCacheFiles('g', false), {});
  });

  it('off: a client reads neither file and writes none, while one with them on (same statements) writes both', async () => {
    const on = join(w.dir, 'on');
    const off = join(w.dir, 'off');
    mkdirSync(off, { recursive: true });
    // what an earlier session left: a stored verdict that is wrong on purpose, and a snapshot that is
    // no snapshot (a read would ignore and delete it)
    const seed = new VerdictStore(parserVerdictFile(parserSnapshotFile(off)));
    seed.put(STATEMENTS[0]!, { ok: false, error: { type: 'SyntaxError', message: 'stored', start: 3 } });
    await seed.write();
    writeFileSync(parserSnapshotFile(off), 'not a snapshot');
    const before = readdirSync(off).map((n) => [n, readFileSync(join(off, n), 'utf8')]);

    const onLog = logOf([/^snapshot written/, /^verdicts written/]);
    const offLog = logOf([]);
    const withCache = w.client({ timeoutMs: 20_000, log: onLog.log, ...parserCacheFiles(on, true) });
    const without = w.client({ timeoutMs: 20_000, log: offLog.log, ...parserCacheFiles(off, false) });
    const early = startParserEarly(w.workerFile, parserCacheFiles(off, false).snapshotFile);
    assert.equal(early.verdicts, undefined, 'the early start reads no verdicts');
    early.dispose();
    for (const text of STATEMENTS) {
      const [a, b] = [await withCache.parse(text), await without.parse(text)];
      assert.equal(b?.kind, a?.kind, text);
      assert.ok(b && !('stored' in b), `${text}: the worker's verdict, not the stored one`);
    }
    await onLog.found; // the client with the caches wrote both by now
    assert.ok(existsSync(parserSnapshotFile(on)) && existsSync(parserVerdictFile(parserSnapshotFile(on))));
    assert.deepEqual(
      readdirSync(off).map((n) => [n, readFileSync(join(off, n), 'utf8')]),
      before,
      'the files left untouched',
    );
    assert.deepEqual(offLog.lines.filter((l) => /snapshot|verdicts/.test(l)), []);
  });

  it('removeParserCache deletes both files and their writes\' temporary files, nothing else', async () => {
    const dir = join(w.dir, 'remove');
    mkdirSync(dir, { recursive: true });
    const snapshot = parserSnapshotFile(dir);
    const verdicts = parserVerdictFile(snapshot);
    const ours = [snapshot, verdicts, `${snapshot}.12-0-1.tmp`, `${verdicts}.12-3-4.tmp`];
    const others = ['query-history.json', 'hogql-parser-snapshot.bin.keep', 'other-verdicts.json'].map((n) => join(dir, n));
    for (const f of [...ours, ...others]) writeFileSync(f, 'x');
    assert.deepEqual((await removeParserCache(dir)).sort(), ours.map((f) => f.slice(dir.length + 1)).sort());
    assert.deepEqual(readdirSync(dir).sort(), others.map((f) => f.slice(dir.length + 1)).sort());
    assert.deepEqual(await removeParserCache(join(dir, 'missing')), []);
  });

  it("a verdict store's dispose() settles once no write of it is under way, and it writes nothing after", async () => {
    const dir = join(w.dir, 'dispose');
    const file = join(dir, 'verdicts.json');
    const store = new VerdictStore(file);
    store.put('SELECT 1', { ok: true });
    const writing = store.write();
    await store.dispose();
    const seen = (): string[] => (existsSync(dir) ? readdirSync(dir).map((n) => `${n} ${readFileSync(join(dir, n), 'utf8')}`) : []);
    const atDispose = seen();
    await writing;
    store.put('SELECT 2', { ok: true });
    await store.write();
    assert.deepEqual(seen(), atDispose, 'nothing written once dispose() settled');
  });
});
