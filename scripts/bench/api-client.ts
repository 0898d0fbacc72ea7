// API client benchmark: per-request overhead of PostHogClient vs a bare undici.request to the same
// loopback server (a child process), measured in one run; plus lossless JSON vs JSON.parse.
// Run: node --import tsx scripts/bench/api-client.ts   (also picked up by `npm run bench`)
// Prints `name: value (ratio)`. Not a test: it prints, it does not assert.
import { spawn } from 'node:child_process';
import { Agent, request } from 'undici';
import { PostHogClient } from '../../src/api/client';
import { RateLimiter } from '../../src/api/limiter';
import { parseJsonLossless } from '../../src/api/json';

const N = Number(process.env.HOGQL_BENCH_REQUESTS || 2000);
const ROUNDS = Number(process.env.HOGQL_BENCH_ROUNDS || 7);
const KEY = ['phx', 'QmVuY2hCZW5jaEJlbmNoQmVuY2hCZW5jaEJlbmNoQmVuY2g'].join('_');

const SERVER = `
const http = require('node:http');
const body = JSON.stringify({ id: 1, name: 'Org', slug: 'org', membership_level: 8, teams: [{ id: 1, name: 'Default' }] });
http.createServer((req, res) => { req.resume(); req.on('end', () => { res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }); res.end(body); }); })
  .listen(0, '127.0.0.1', function () { process.send(this.address().port); });
`;

async function startServer(): Promise<{ port: number; stop: () => void }> {
  const child = spawn(process.execPath, ['-e', SERVER], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const port = await new Promise<number>((resolve) => child.once('message', (m) => resolve(Number(m))));
  return { port, stop: () => child.kill() };
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function timeLoop(fn: () => Promise<unknown>): Promise<number> {
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < N; i++) await fn();
  return Number(process.hrtime.bigint() - t0) / 1e3 / N; // µs per request
}

function fmt(name: string, us: number, base: number): string {
  return `${name}: ${us.toFixed(1)} µs/request (${(us / base).toFixed(3)}×)`;
}

async function httpBench(): Promise<void> {
  const server = await startServer();
  const origin = `http://127.0.0.1:${server.port}`;
  const agent = new Agent({ keepAliveTimeout: 30_000 });
  const bare = async (): Promise<unknown> => {
    const res = await request(`${origin}/api/organizations/@current/`, {
      dispatcher: agent,
      headers: { authorization: `Bearer ${KEY}`, accept: 'application/json', 'user-agent': 'bench' },
    });
    return res.body.json();
  };
  const bareAgent = async (): Promise<unknown> => {
    const res = await agent.request({
      origin,
      path: '/api/organizations/@current/',
      method: 'GET',
      headers: { authorization: `Bearer ${KEY}`, accept: 'application/json', 'user-agent': 'bench' },
    });
    return res.body.json();
  };
  const plain = new PostHogClient({ host: origin, personalApiKey: KEY, version: 'bench', limiter: false });
  const limited = new PostHogClient({
    host: origin,
    personalApiKey: KEY,
    version: 'bench',
    limiter: new RateLimiter({ maxWaitMs: 10_000 }),
  });
  const variants: [string, () => Promise<unknown>][] = [
    ['bare undici.request', bare],
    ['bare agent.request({ origin, path })', bareAgent],
    ['client (no limiter)', () => plain.organizations.current()],
    ['client (with limiter)', () => limited.organizations.current()],
  ];
  for (const [, fn] of variants) for (let i = 0; i < 300; i++) await fn(); // warm up
  const results = variants.map(() => [] as number[]);
  for (let r = 0; r < ROUNDS; r++) {
    // Rotate the order every round so no variant always runs first.
    for (let k = 0; k < variants.length; k++) {
      const i = (k + r) % variants.length;
      results[i]!.push(await timeLoop(variants[i]![1]));
    }
  }
  const base = median(results[0]!);
  console.log(`api-client http (${N} sequential GETs × ${ROUNDS} rounds, median, loopback server in a child process):`);
  variants.forEach(([name], i) => console.log(fmt(name, median(results[i]!), base)));
  await plain.close();
  await limited.close();
  await agent.close();
  server.stop();
}

function jsonBench(): void {
  const rows: unknown[] = [];
  for (let i = 0; i < 100_000; i++) rows.push([`event_${i % 50}`, i * 7, `user-${(i * 31) % 9973}`, 12.5 + i, '2024-05-01T12:00:00Z', { a: i, b: 'x\ny' }, null, true]);
  const plain = JSON.stringify({ columns: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'], results: rows });
  const withBig = plain.replace('"results":[[', '"results":[[18446744073709551615,');
  // Interleaved: each iteration runs all three, so load changes and GC hit them alike.
  const variants: (() => unknown)[] = [() => JSON.parse(plain), () => parseJsonLossless(plain), () => parseJsonLossless(withBig)];
  const times = variants.map(() => [] as number[]);
  for (let i = 0; i < 17; i++) {
    variants.forEach((f, k) => {
      const t = performance.now();
      f();
      if (i > 1) times[k]!.push(performance.now() - t);
    });
  }
  const [base, fast, slow] = times.map(median) as [number, number, number];
  const mb = (plain.length / 1e6).toFixed(1);
  console.log(`api-client json (100k rows × 8 columns, ${mb} MB, median of 15, interleaved):`);
  console.log(`JSON.parse: ${base.toFixed(1)} ms (1.000×)`);
  console.log(`parseJsonLossless, no big integers (fast path): ${fast.toFixed(1)} ms (${(fast / base).toFixed(3)}×)`);
  console.log(`parseJsonLossless, with a big integer (own parser): ${slow.toFixed(1)} ms (${(slow / base).toFixed(3)}×)`);
}

httpBench()
  .then(jsonBench)
  .catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  });
