// The parser snapshot cache end to end (issue #21; src/language/syntax/workerSnapshot.ts): a worker
// given a snapshot file writes one once idle after parsing; the next worker restores it before its
// first parse and gives the same verdicts; a corrupt file is ignored, deleted, and changes nothing.
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ParserClient, ParseOutcome } from '../../../src/language/syntax/parserClient';
import { parserWorkerSuite } from './support/workerBuild';

const STATEMENTS = [
  "WITH recent AS (SELECT event, person_id FROM events WHERE timestamp > now() - INTERVAL 1 DAY) SELECT count() AS c, uniq(person_id) FROM recent AS r WHERE event IN ('$pageview') GROUP BY c HAVING c > 1 ORDER BY c DESC LIMIT 100",
  "SELECT '😀' AS x FROM events WHERE",
  'SELECT a,, b FROM events',
  'SELECT (1 + 2)) FROM events',
];

describe('language: parser worker snapshot cache', function () {
  this.timeout(60_000);
  const w = parserWorkerSuite('hogql-worker-snapshot-');
  let snapshotFile: string;
  before(() => (snapshotFile = join(w.dir, 'storage', 'snapshot.bin')));

  /** A client on the snapshot file, its log, and a promise of its first log line matching `wanted`. */
  const start = (wanted: RegExp): { client: ParserClient; logged: Promise<string> } => {
    let found: (m: string) => void = () => undefined;
    const logged = new Promise<string>((resolve) => (found = resolve));
    const c = w.client({ timeoutMs: 20_000, snapshotFile, log: (m) => wanted.test(m) && found(m) });
    return { client: c, logged };
  };
  /** Each statement's verdict: its kind and error (type, message, start), timings left out. */
  const verdicts = async (c: ParserClient): Promise<{ kind?: string; error?: unknown }[]> => {
    const out = [];
    for (const text of STATEMENTS) {
      const o: ParseOutcome | undefined = await c.parse(text);
      out.push({ kind: o?.kind, error: o?.kind === 'error' ? o.error : undefined });
    }
    return out;
  };

  it('writes a snapshot once idle, and the next worker restores it and gives the same verdicts', async () => {
    const first = start(/^snapshot written/);
    const client = first.client;
    const want = await verdicts(client);
    assert.deepEqual(want.map((v) => v.kind), ['ok', 'error', 'error', 'error']);
    assert.match(await first.logged, /^snapshot written: \d+ bytes/);
    client.dispose();
    assert.ok(existsSync(snapshotFile));
    const second = start(/^snapshot (restored|ignored|not)/);
    const got = await verdicts(second.client);
    assert.match(await second.logged, /^snapshot restored: \d+ pages/);
    assert.deepEqual(got, want);
  });

  it('ignores and deletes a corrupt snapshot, and parses as without one', async () => {
    assert.ok(existsSync(snapshotFile), 'written by the test before');
    const bytes = readFileSync(snapshotFile);
    bytes[bytes.length >> 1]! ^= 0x40;
    writeFileSync(snapshotFile, bytes);
    const third = start(/^snapshot (restored|ignored|not)/);
    const got = await verdicts(third.client);
    assert.equal(await third.logged, 'snapshot ignored and deleted: checksum mismatch');
    assert.equal(existsSync(snapshotFile), false);
    assert.deepEqual(got.map((v) => v.kind), ['ok', 'error', 'error', 'error']);
  });
});
