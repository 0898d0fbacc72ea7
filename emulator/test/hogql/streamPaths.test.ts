/**
 * Which engine call a blocking HogQL query makes (issue #15, per-query overhead): a paginated
 * query (no LIMIT: at most 101 rows) is one `query()` call; a stream costs a round trip to the
 * engine per block (and one more for its end), so only a query that may return a big result streams.
 */
import assert from 'node:assert/strict';
import { streamHogQLQuery } from '../../src/hogql';
import type { EngineQueryOptions, HogQLEngine } from '../../src/hogql/types';

/** Answers every query with one UInt64 row, recording which call was made. */
class RecordingEngine implements HogQLEngine {
  readonly calls: string[] = [];

  async query(sql: string, options: EngineQueryOptions): Promise<{ text: string }> {
    void options;
    this.calls.push('query');
    return { text: JSON.stringify({ meta: [{ name: 'n', type: 'UInt64' }], data: [['18446744073709551615']], rows: 1 }) };
  }

  async queryStream(sql: string, options: EngineQueryOptions, onChunk: (text: string) => void): Promise<void> {
    void options;
    this.calls.push('queryStream');
    onChunk('["n"]\n["UInt64"]\n["18446744073709551615"]\n');
  }
}

describe('blocking HogQL: one engine call for a paginated query', () => {
  const run = async (query: string) => {
    const engine = new RecordingEngine();
    const r = await streamHogQLQuery({ query, teamId: 1, timezone: 'UTC' }, { engine, queryId: 't' });
    assert.equal(r.kind, 'body');
    return { engine, body: r.kind === 'body' ? r.body : null };
  };

  it('runs a query without LIMIT (paginated, at most 101 rows) as one query() call, with the same body', async () => {
    const { engine, body } = await run('select count() as n from events');
    assert.deepEqual(engine.calls, ['query']);
    assert.deepEqual([body?.hasMore, body?.limit, body?.offset], [false, 100, 0]);
    assert.equal(JSON.stringify(body?.types), JSON.stringify([['n', 'UInt64']]));
  });

  it('streams a query with an explicit LIMIT (it may be big)', async () => {
    const { engine, body } = await run('select count() as n from events limit 5');
    assert.deepEqual(engine.calls, ['queryStream']);
    assert.deepEqual([body?.hasMore, body?.limit, body?.offset], [null, null, null]);
  });
});
