import * as assert from 'node:assert/strict';
import { serveAtOnce, TestServer } from './helpers/server';
import { makeClient, rejection } from './helpers/fixtures';

/** A query response with `n` rows (the last column beyond 2^53), columns before the rows, types after. */
function responseBody(n: number): { head: string; rows: string[]; tail: string } {
  const rows = Array.from({ length: n }, (_, i) => `[${i},"r${i}",${18446744073709551000n + BigInt(i)}]`);
  return { head: '{"columns":["i","s","u"],"hasMore":false,"results":[', rows, tail: '],"types":[["i","UInt64"],["s","String"],["u","UInt64"]],"query_status":null}' };
}

const turns = async (n: number): Promise<void> => {
  for (let k = 0; k < n; k++) await new Promise((resolve) => setImmediate(resolve));
};

describe('api/query runFlat and runScanned: a page of a full export handed out while it arrives, in flat memory (#17), its fields checked like any answer (#13)', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await TestServer.start();
  });
  afterEach(async () => {
    await server.close();
  });

  it('hands out every row in batches (integers beyond 2^53 exact) and the other fields, as runScanned reads them', async () => {
    const { head, rows, tail } = responseBody(5_500);
    server.handler = (_r, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(head + rows.join(',') + tail);
    };
    const { api } = makeClient(server.url);
    const batches: unknown[][] = [];
    const page = await api.query.runFlat(2, 'select 1', { batch: 2_000, onRows: (b) => batches.push(b) });
    const scanned = await api.query.runScanned(2, 'select 1');
    assert.deepEqual(batches.map((b) => b.length), [2_000, 2_000, 1_500]);
    assert.deepEqual(batches.flat(), [...scanned.rows()]);
    assert.equal((batches.flat()[5_499] as unknown[])[2], 18446744073709551000n + 5_499n);
    assert.equal(page.rowCount, 5_500);
    assert.deepEqual([...page.rows()], []);
    assert.deepEqual(page.head, scanned.head);
  });

  it('reads no more of the body while ready() is pending (the file backpressure)', async () => {
    const { head, rows, tail } = responseBody(60_000);
    const sent = serveAtOnce(server, head + rows.join(',') + tail);
    const { api } = makeClient(server.url);
    let release!: () => void;
    let blocked: Promise<void> | undefined = new Promise<void>((r) => (release = r));
    let handedWhileBlocked = 0;
    let handed = 0;
    const call = api.query.runFlat(2, 'select 1', {
      batch: 1_000,
      onRows: (b) => {
        if (handed > 0 && blocked) handedWhileBlocked += b.length;
        handed += b.length;
      },
      ready: () => blocked,
    });
    while (handed === 0 || !sent()) await turns(1);
    await turns(50); // plenty of turns for undici to hand more chunks on, were they read
    assert.equal(handedWhileBlocked, 0);
    blocked = undefined;
    release();
    const page = await call;
    assert.equal(page.rowCount, 60_000);
    assert.equal(handed, 60_000);
  });

  it('a body cut short or not JSON gives the error run() gives', async () => {
    const { head, rows } = responseBody(5_000);
    const { api } = makeClient(server.url, { retry: { maxTries: 1 } });
    for (const body of [head + rows.join(','), head + rows.join(',') + ']]}', head + rows.join(',,'), '<html>nope</html>']) {
      server.handler = (_r, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(body);
      };
      const before = (await rejection(api.query.run(2, 'select 1')).catch(() => { throw new Error(`run() accepted ${body}`); })) as Error;
      const now = (await rejection(api.query.runFlat(2, 'select 1', { onRows: () => {} }))) as Error;
      assert.equal(now.name, before.name, body.slice(-20));
      assert.equal((now as { userMessage?: string }).userMessage, (before as { userMessage?: string }).userMessage);
    }
  });

  it('runFlat and runScanned read columns, types and hasMore as run() does, whatever their shape', async () => {
    const body = '{"columns":[1,{"a":2},"c"],"hasMore":"yes","results":[[1,2,3]],"types":"nope","query_status":null}';
    server.handler = (_r, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(body);
    };
    const { api } = makeClient(server.url);
    const { results, ...whole } = await api.query.run(2, 'select 1');
    const flat = await api.query.runFlat(2, 'select 1', { onRows: () => {} });
    const scanned = await api.query.runScanned(2, 'select 1');
    for (const page of [flat, scanned]) {
      assert.deepEqual(page.head, { ...whole, results: [] });
      assert.equal(page.rowCount, results.length);
    }
    assert.deepEqual(whole.columns, ['1', '[object Object]', 'c']);
  });

  it('a body that is not a query response gives the error run() gives', async () => {
    const { api } = makeClient(server.url, { retry: { maxTries: 1 } });
    for (const body of ['[1,2,3]', '"text"', 'null']) {
      server.handler = (_r, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(body);
      };
      const before = (await rejection(api.query.run(2, 'select 1')).catch(() => { throw new Error(`run() accepted ${body}`); })) as Error;
      for (const call of [api.query.runFlat(2, 'select 1', { onRows: () => {} }), api.query.runScanned(2, 'select 1')]) {
        const now = (await rejection(call)) as Error;
        assert.equal(now.name, before.name, `${body}: ${now.message}`);
      }
    }
  });

  it('a page PostHog answers with a running status is polled: runFlat and runScanned give the finished rows and fields', async () => {
    server.handler = (r, res) => {
      res.writeHead(r.method === 'POST' ? 202 : 200, { 'content-type': 'application/json' });
      if (r.method === 'POST') res.end('{"results":[],"query_status":{"id":"q7","complete":false,"error":false,"error_message":null,"results":null}}');
      else res.end('{"query_status":{"id":"q7","complete":true,"error":false,"error_message":null,"results":{"columns":["c"],"hasMore":true,"results":[[12345678901234567891],[2]]}}}');
    };
    const { api } = makeClient(server.url);
    for (const page of [await api.query.runFlat(2, 'select 1', { onRows: () => {} }), await api.query.runScanned(2, 'select 1')]) {
      assert.deepEqual([...page.rows()], [[12345678901234567891n], [2]]);
      assert.equal(page.rowCount, 2);
      assert.deepEqual(page.head.columns, ['c']);
      assert.equal(page.head.hasMore, true);
    }
    assert.deepEqual(server.requests.map((r) => r.method), ['POST', 'GET', 'POST', 'GET']);
  });
});
