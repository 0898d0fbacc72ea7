import * as assert from 'node:assert/strict';
import { serveAtOnce, TestServer } from './helpers/server';
import { makeClient, rejection } from './helpers/fixtures';
import { AbortError } from '../../../src/api/errors';
import { waitFor } from '../../support/waitFor';

/** A blocking run's answer (the query response itself) with `n` rows, split around the rows. */
function responseBody(n: number): { head: string; rows: string[]; tail: string } {
  const rows = Array.from({ length: n }, (_, i) => `[${i},"r${i}",${18446744073709551000n + BigInt(i)}]`);
  return {
    head: '{"cache_key":"k","is_cached":false,"columns":["i","s","u"],"hasMore":false,"results":[',
    rows,
    tail: '],"timezone":"UTC","types":[["i","UInt64"],["s","String"],["u","UInt64"]]}',
  };
}

describe('api/query runStreamed: a blocking run whose rows are handed out as its answer arrives (#21)', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await TestServer.start();
  });
  afterEach(async () => {
    await server.close();
  });

  it("with onRowTexts, the later batches of flat rows come as the body's row texts (issue #21)", async () => {
    const { head, rows, tail } = responseBody(2_500);
    server.handler = async (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write(head + rows.slice(0, 1_700).join(','));
      res.end(',' + rows.slice(1_700).join(',') + tail);
    };
    const { api } = makeClient(server.url);
    const parsed: unknown[][][] = [];
    const texts: string[][] = [];
    const r = await api.query.runStreamed(2, 'SELECT 1', { onFirst: (_p, first) => parsed.push(first), onRows: (more) => parsed.push(more), onRowTexts: (t) => texts.push(t) });
    assert.ok(r.complete);
    assert.equal(r.streamed, true);
    assert.deepEqual(parsed.map((b) => b.length), [1_000]);
    assert.deepEqual(texts.flat(), rows.slice(1_000));
  });

  it('POSTs the run blocking with its client query id, hands out the first rows before the body ends; the answer is what run() gives', async () => {
    const { head, rows, tail } = responseBody(2_500);
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    const bodies: Record<string, unknown>[] = [];
    server.handler = async (_req, res, body) => {
      bodies.push(JSON.parse(body) as Record<string, unknown>);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write(head + rows.slice(0, 1_200).join(','));
      await released;
      res.end(',' + rows.slice(1_200).join(',') + tail);
    };
    const { api } = makeClient(server.url);
    const batches: unknown[][][] = [];
    let columns: unknown;
    let bytes = 0;
    const r = await api.query.runStreamed(2, 'SELECT 1', {
      refresh: 'force_blocking',
      clientQueryId: 'vscode-hogql-1',
      onBytes: () => bytes++,
      onFirst: (partial, first) => {
        columns = partial.columns;
        batches.push(first);
        release();
      },
      onRows: (more) => batches.push(more),
    });
    assert.ok(r.complete);
    assert.equal(r.streamed, true);
    assert.ok(bytes >= 2, 'each piece of the body is reported');
    assert.deepEqual(bodies[0], { query: { kind: 'HogQLQuery', query: 'SELECT 1' }, refresh: 'force_blocking', client_query_id: 'vscode-hogql-1' });
    assert.deepEqual(columns, ['i', 's', 'u']);
    assert.deepEqual(batches.map((b) => b.length), [1_000, 1_500]);
    assert.deepEqual(batches.flat(), r.response.results);
    assert.equal((r.response.results as unknown[][])[2_499]![2], 18446744073709551000n + 2_499n);
    server.handler = (_r, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(head + rows.join(',') + tail);
    };
    assert.deepEqual(await api.query.run(2, 'SELECT 1'), r.response);
  });

  it('after the first rows, reads no more of the body while ready() is pending (their post to the panel goes first, issue #21)', async () => {
    const { head, rows, tail } = responseBody(30_000);
    const sent = serveAtOnce(server, head + rows.join(',') + tail);
    const { api } = makeClient(server.url);
    let release!: () => void;
    let held: Promise<void> | undefined;
    let handedWhileHeld = 0;
    let first = 0;
    const later = (n: number): void => {
      if (held) handedWhileHeld += n;
    };
    const call = api.query.runStreamed(2, 'SELECT 1', {
      onFirst: (_p, r) => {
        first = r.length;
        held = new Promise<void>((resolve) => (release = resolve));
      },
      onRows: (r) => later(r.length),
      onRowTexts: (t) => later(t.length),
      ready: () => held,
    });
    await waitFor(() => first > 0 && sent(), 10_000, 'the first rows and the whole body sent');
    for (let k = 0; k < 50; k++) await new Promise((resolve) => setImmediate(resolve)); // turns for undici to hand more on, were it read
    assert.equal(handedWhileHeld, 0);
    held = undefined;
    release();
    const r = await call;
    assert.ok(r.complete);
    assert.equal(r.streamed, true);
  });

  it('a small answer hands nothing out (streamed false); a running status (202) comes back to poll', async () => {
    const { head, rows, tail } = responseBody(3);
    server.handler = (_r, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(head + rows.join(',') + tail);
    };
    const { api } = makeClient(server.url);
    let handed = 0;
    const small = await api.query.runStreamed(2, 'SELECT 1', { onFirst: () => handed++, onRows: () => handed++ });
    assert.ok(small.complete);
    assert.equal(small.streamed, false);
    assert.equal(handed, 0);
    assert.equal(small.response.results.length, 3);
    server.handler = (_r, res) => {
      res.writeHead(202, { 'content-type': 'application/json' });
      res.end('{"query_status":{"id":"srv-1","complete":false,"error":false,"results":null}}');
    };
    const running = await api.query.runStreamed(2, 'SELECT 1', { clientQueryId: 'c1', onFirst: () => {}, onRows: () => {} });
    assert.equal(running.complete, false);
    assert.equal(running.queryId, 'srv-1');
  });

  it('an error answer gives the error run() gives; an abort while rows arrive is an AbortError and sends no DELETE', async () => {
    server.handler = (_r, res) => {
      res.writeHead(400, { 'content-type': 'application/json' });
      res.end('{"type":"validation_error","code":"syntax_error","detail":"Syntax error at line 1, column 7","attr":null}');
    };
    const { api } = makeClient(server.url, { retry: { maxTries: 1 } });
    const before = (await rejection(api.query.run(2, 'SELECT ('))) as Error & { userMessage?: string; status?: number };
    const now = (await rejection(api.query.runStreamed(2, 'SELECT (', { onFirst: () => {}, onRows: () => {} }))) as Error & { userMessage?: string; status?: number };
    assert.equal(now.name, before.name);
    assert.equal(now.status, 400);
    assert.equal(now.userMessage, before.userMessage);

    const { head, rows } = responseBody(1_500);
    const methods: string[] = [];
    server.handler = (req, res) => {
      methods.push(req.method ?? '');
      if (req.method !== 'POST') return void res.end('{}');
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write(head + rows.join(',')); // and never ends
    };
    const abort = new AbortController();
    let first = 0;
    const call = rejection(api.query.runStreamed(2, 'SELECT 1', { signal: abort.signal, onFirst: (_p, r) => (first = r.length), onRows: () => {} }));
    await waitFor(() => first > 0, 5_000, 'the first rows');
    abort.abort();
    assert.ok((await call) instanceof AbortError);
    assert.deepEqual(methods, ['POST'], 'the caller cancels by its client query id');
  });
});
