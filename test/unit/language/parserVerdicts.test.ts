// PostHog's parser's verdicts on disk (issue #21; src/language/syntax/verdictStore.ts): a session's
// verdicts are written once idle; a later session's client answers the same statements from them,
// without a worker, with exactly the verdicts a worker gives; files of another parser version or
// format, or not JSON, change nothing.
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ParseOutcome } from '../../../src/language/syntax/parserClient';
import { VERDICTS_MAX, VerdictStore, verdictKey } from '../../../src/language/syntax/verdictStore';
import { parserVerdictFile, startParserEarly } from '../../../src/language/syntax/workerStart';
import { differentialSources } from './support/differentialSources';
import { parserWorkerSuite } from './support/workerBuild';

/** Each outcome's verdict: its kind and error (type, message, start), timings left out. */
const verdictOf = (o: ParseOutcome | undefined): { kind?: string; error?: unknown } => ({ kind: o?.kind, error: o?.kind === 'error' ? o.error : undefined });

describe('language: parser verdicts on disk', function () {
  this.timeout(120_000);
  const w = parserWorkerSuite('hogql-verdicts-');

  it('lives beside the parser snapshot, one file per snapshot file', () => {
    assert.equal(parserVerdictFile(join('g', 'hogql-parser-snapshot.bin')), join('g', 'hogql-parser-snapshot-verdicts.json'));
    assert.notEqual(parserVerdictFile(join('g', 'a.bin')), parserVerdictFile(join('g', 'b.bin')));
  });

  it("answers a later session's statements from disk, without a worker, with the worker's verdicts", async () => {
    const file = join(w.dir, 'storage', 'verdicts.json');
    const texts = [...new Set(differentialSources().flatMap((s) => s.inputs.slice(0, 25).map((i) => i.text)))];
    let written: (m: string) => void = () => undefined;
    const wrote = new Promise<string>((resolve) => (written = resolve));
    let client = w.client({ timeoutMs: 20_000, verdictFile: file, log: (m) => m.startsWith('verdicts written') && written(m) });
    const fromWorker = [];
    for (const t of texts) fromWorker.push(await client.parse(t));
    assert.ok(fromWorker.every((o) => o?.kind === 'ok' || o?.kind === 'error') && fromWorker.some((o) => o?.kind === 'error') && fromWorker.some((o) => o?.kind === 'ok'));
    assert.ok(fromWorker.every((o) => !(o && 'stored' in o)), 'the first session parsed them all');
    assert.equal(await wrote, `verdicts written: ${texts.length}`);
    client.dispose();

    client = w.client({ timeoutMs: 20_000, verdictFile: file });
    const fromDisk = [];
    for (const t of texts) fromDisk.push(await client.parse(t));
    assert.ok(fromDisk.every((o) => o && 'stored' in o), 'every verdict from disk');
    assert.equal(client.workersStarted, 0, 'no worker needed');
    assert.deepEqual(fromDisk.map(verdictOf), fromWorker.map(verdictOf));
    // a statement not parsed before goes to a worker, as always
    const other = await client.parse('SELECT 42 AS answer FROM events WHERE');
    assert.ok(other?.kind === 'error' && !('stored' in other));
    assert.equal(client.workersStarted, 1);
  });

  it('a client adopting the worker started at the open uses the verdicts read from the open on', async () => {
    const snapshotFile = join(w.dir, 'early', 'snapshot.bin');
    const seed = new VerdictStore(parserVerdictFile(snapshotFile));
    seed.put('SELECT 1 FROM events WHERE', { ok: false, error: { type: 'SyntaxError', message: 'stored', start: 26 } });
    await seed.write();
    const early = startParserEarly(w.workerFile, snapshotFile);
    assert.ok(early.verdicts);
    const client = w.client({ timeoutMs: 20_000, early, snapshotFile, verdictFile: parserVerdictFile(snapshotFile) });
    const o = await client.parse('SELECT 1 FROM events WHERE');
    assert.deepEqual(o, { kind: 'error', error: { type: 'SyntaxError', message: 'stored', start: 26 }, ms: 0, stored: true });
  });

  it('ignores a file of another parser version or format, or not JSON', async () => {
    const file = join(w.dir, 'other.json');
    const text = 'SELECT 1 FROM events';
    const seed = new VerdictStore(file);
    seed.put(text, { ok: true });
    await seed.write();
    seed.dispose();
    const valid = JSON.parse(readFileSync(file, 'utf8')) as { key: string; verdicts: object };
    assert.equal(valid.key, verdictKey());
    const check = async (content: string, found: boolean): Promise<void> => {
      writeFileSync(file, content);
      const store = new VerdictStore(file);
      await store.loaded;
      assert.equal(store.get(text) !== undefined, found, `${content.slice(0, 60)}: ${store.note}`);
    };
    await check(JSON.stringify(valid), true);
    await check(JSON.stringify({ ...valid, key: valid.key.replace(/verdicts \d+$/, 'verdicts 0') }), false);
    await check(JSON.stringify({ ...valid, key: valid.key.replace(/hogql-parser \S+;/, 'hogql-parser 0.0.1;') }), false);
    await check('{"key":', false);
    await check('', false);
  });

  it('keeps the most recent verdicts, at most VERDICTS_MAX, and a later write keeps the ones read', async () => {
    const file = join(w.dir, 'cap.json');
    const a = new VerdictStore(file);
    await a.loaded;
    for (let i = 0; i < VERDICTS_MAX + 10; i++) a.put(`SELECT ${i}`, { ok: true });
    a.get('SELECT 0'); // evicted already: nothing
    a.get('SELECT 10'); // the oldest kept: now the most recent
    await a.write();
    a.dispose();
    const b = new VerdictStore(file);
    await b.loaded;
    assert.equal(b.note, `verdicts read: ${VERDICTS_MAX}`);
    assert.equal(b.get('SELECT 9'), undefined);
    assert.deepEqual(b.get('SELECT 10'), { ok: true });
    b.put('SELECT x', { ok: false, error: { type: 'SyntaxError', message: 'm', start: 7 } });
    await b.write();
    const c = new VerdictStore(file);
    await c.loaded;
    assert.deepEqual(c.get('SELECT x'), { ok: false, error: { type: 'SyntaxError', message: 'm', start: 7 } });
    assert.deepEqual(c.get('SELECT 10'), { ok: true });
    assert.equal(c.get('SELECT 11'), undefined, 'the oldest went for the new one');
    assert.ok(!readFileSync(file, 'utf8').includes('SELECT'), 'no statement text on disk');
    assert.ok(existsSync(file));
  });
});
