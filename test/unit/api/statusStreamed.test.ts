import * as assert from 'node:assert/strict';
import { TestServer } from './helpers/server';
import { makeClient, rejection } from './helpers/fixtures';
import { AbortError } from '../../../src/api/errors';
import { waitFor } from '../../support/waitFor';

/** A finished async run's status with `n` rows (the last column beyond 2^53), split around the rows. */
function statusBody(n: number): { head: string; rows: string[]; tail: string } {
  const rows = Array.from({ length: n }, (_, i) => `[${i},"r${i}",${18446744073709551000n + BigInt(i)}]`);
  return {
    head: '{"query_status":{"id":"q1","complete":true,"error":false,"error_message":null,"results":{"columns":["i","s","u"],"hasMore":false,"results":[',
    rows,
    tail: '],"types":[["i","UInt64"],["s","String"],["u","UInt64"]]},"end_time":"t"}}',
  };
}

describe('api/query statusStreamed: the rows of a finished run while its body arrives (#21)', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await TestServer.start();
  });
  afterEach(async () => {
    await server.close();
  });

  it("with onRowTexts, the later batches of flat rows come as the body's row texts (issue #21)", async () => {
    const { head, rows, tail } = statusBody(2_500);
    server.handler = async (_r, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(head + rows.join(',') + tail);
    };
    const { api } = makeClient(server.url);
    const parsed: unknown[][][] = [];
    const texts: string[][] = [];
    const { streamed } = await api.query.statusStreamed(2, 'q1', { onFirst: (_p, first) => parsed.push(first), onRows: (more) => parsed.push(more), onRowTexts: (t) => texts.push(t) });
    assert.equal(streamed, true);
    assert.deepEqual(parsed.map((b) => b.length), [1_000]);
    assert.deepEqual(texts.flat(), rows.slice(1_000));
  });

  it('hands out the first rows before the body has ended, then the rest; the status is the same as status()', async () => {
    const { head, rows, tail } = statusBody(2_500);
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    server.handler = async (_r, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write(head + rows.slice(0, 1_200).join(','));
      await released; // the rest only once the first rows were handed out
      res.end(',' + rows.slice(1_200).join(',') + tail);
    };
    const { api } = makeClient(server.url);
    const batches: unknown[][][] = [];
    let columns: unknown;
    const call = api.query.statusStreamed(2, 'q1', {
      onFirst: (partial, first) => {
        columns = partial.columns;
        batches.push(first);
        release();
      },
      onRows: (more) => batches.push(more),
    });
    const { status, streamed } = await call;
    assert.equal(streamed, true);
    assert.deepEqual(columns, ['i', 's', 'u']);
    assert.deepEqual(batches.map((b) => b.length), [1_000, 1_500]);
    const results = (status.results as { results: unknown[][] }).results;
    assert.deepEqual(batches.flat(), results);
    assert.equal(results[2_499]![2], 18446744073709551000n + 2_499n);
    server.handler = (_r, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(head + rows.join(',') + tail);
    };
    assert.deepEqual(await api.query.status(2, 'q1'), status);
  });

  it('a body cut short or not JSON gives the error status() gives', async () => {
    const { head, rows } = statusBody(1_500);
    const { api } = makeClient(server.url, { retry: { maxTries: 1 } });
    for (const body of [head + rows.join(','), head + rows.join(',') + ']]}}', head + rows.join(',,')]) {
      server.handler = (_r, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(body);
      };
      const before = (await rejection(api.query.status(2, 'q1'))) as Error;
      const now = (await rejection(api.query.statusStreamed(2, 'q1', { onFirst: () => {}, onRows: () => {} }))) as Error;
      assert.equal(now.name, before.name);
      assert.equal((now as { userMessage?: string }).userMessage, (before as { userMessage?: string }).userMessage);
    }
  });

  it('an abort while the rows arrive ends the call with an AbortError', async () => {
    const { head, rows } = statusBody(1_500);
    server.handler = (_r, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write(head + rows.join(',')); // and never ends
    };
    const { api } = makeClient(server.url);
    const abort = new AbortController();
    let first = 0;
    const call = rejection(api.query.statusStreamed(2, 'q1', { signal: abort.signal, onFirst: (_p, r) => (first = r.length), onRows: () => {} }));
    await waitFor(() => first > 0, 5_000, 'the first rows');
    abort.abort();
    assert.ok((await call) instanceof AbortError);
  });
});
