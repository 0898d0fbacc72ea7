import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Cell, Column } from '../../../src/results/protocol';
import { exportToFile, exportToText, ExportTooLarge, type ExportPage, type ExportRequest } from '../../../src/query/fullExport';

const COLUMNS: Column[] = [
  { name: 'n', type: 'UInt64' },
  { name: 'label', type: 'String' },
];

/**
 * A stand-in for PostHog over `data`: honours the page's LIMIT/OFFSET, sorts when the query has an
 * ORDER BY, and otherwise returns rows in a different order on every call (as ClickHouse may).
 */
function server(data: Cell[][]) {
  const queries: string[] = [];
  let call = 0;
  const fetchPage = async (query: string, signal: AbortSignal): Promise<ExportPage> => {
    queries.push(query);
    signal.throwIfAborted();
    const m = /LIMIT (\d+) OFFSET (\d+)\s*$/.exec(query);
    assert.ok(m, `a paged query: ${query}`);
    const [limit, offset] = [Number(m[1]), Number(m[2])];
    const rows = [...data];
    if (/ORDER BY/.test(query)) rows.sort((a, b) => Number(a[0]) - Number(b[0]) || String(a[1]).localeCompare(String(b[1])));
    else {
      const shift = call++ % Math.max(1, rows.length);
      rows.push(...rows.splice(0, shift));
    }
    await new Promise((resolve) => setImmediate(resolve));
    const page = rows.slice(offset, offset + limit);
    return { columns: COLUMNS, rows: page, rowCount: page.length, hasMore: offset + limit < rows.length };
  };
  return { fetchPage, queries };
}

const dataset = (n: number): Cell[][] => Array.from({ length: n }, (_, i) => [(i * 7919) % n, i % 3 === 0 ? `=cmd${i}` : `row ${i}`]);

function request(fetchPage: ExportRequest['fetchPage'], extra: Partial<ExportRequest> = {}): ExportRequest {
  return { query: 'SELECT n, label FROM t', format: 'jsonl', fetchPage, signal: new AbortController().signal, pageRows: 10, chunkRows: 4, ...extra };
}

const dir = (): string => mkdtempSync(join(tmpdir(), 'hogql-export-'));
const lines = (file: string): Cell[][] => readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => Object.values(JSON.parse(l) as Record<string, Cell>));

describe('query/fullExport: paged export to a file', () => {
  it('exports a result of one page in the query\'s own order, in one request', async () => {
    const data = dataset(7);
    const s = server(data);
    const file = join(dir(), 'out.jsonl');
    const summary = await exportToFile(request(s.fetchPage), file);
    assert.deepEqual(summary, { rows: 7, pages: 1, singlePage: true });
    assert.equal(s.queries.length, 1);
    assert.deepEqual(lines(file), data);
  });

  it('pages a longer result in a stable order: every row exactly once, though the server reorders unordered queries', async () => {
    const data = dataset(95);
    const s = server(data);
    const file = join(dir(), 'out.jsonl');
    const progress: number[] = [];
    const summary = await exportToFile(request(s.fetchPage, { onProgress: (n) => progress.push(n) }), file);
    assert.equal(summary.rows, 95);
    assert.equal(summary.singlePage, false);
    assert.equal(summary.pages, 1 + 10, 'the probe, then 10 pages of 10');
    const got = lines(file);
    const key = (r: Cell[]): string => JSON.stringify(r);
    assert.deepEqual(got.map(key).sort(), data.map(key).sort(), 'the same rows, none repeated or missing');
    assert.ok(s.queries.slice(1).every((q) => /ORDER BY `n` ASC, `label` ASC\nLIMIT 10 OFFSET \d+$/.test(q)), s.queries[1]);
    assert.deepEqual(progress, [...progress].sort((a, b) => a - b));
    assert.equal(progress.at(-1), 95);
    assert.deepEqual(readdirSync(join(file, '..')), ['out.jsonl'], 'no partial file left');
  });

  it('CSV of a paged export neutralises formulas and keeps numbers; JSON is valid', async () => {
    const data = dataset(25);
    const d = dir();
    await exportToFile(request(server(data).fetchPage, { format: 'csv' }), join(d, 'out.csv'));
    const csv = readFileSync(join(d, 'out.csv'), 'utf8');
    assert.ok(csv.startsWith('n,label\r\n0,'), csv.slice(0, 30));
    assert.match(csv, /\r\n3,'=cmd\d+\r\n/);
    assert.ok(!/,=/.test(csv), 'no live formula');
    await exportToFile(request(server(data).fetchPage, { format: 'json' }), join(d, 'out.json'));
    assert.equal((JSON.parse(readFileSync(join(d, 'out.json'), 'utf8')) as unknown[]).length, 25);
  });

  it('on cancel leaves no file and no partial file, and an existing file untouched', async () => {
    const s = server(dataset(95));
    const d = dir();
    const file = join(d, 'out.jsonl');
    writeFileSync(file, 'previous export\n');
    const abort = new AbortController();
    const req = request(s.fetchPage, { signal: abort.signal, onProgress: (n) => n >= 20 && abort.abort(new Error('cancelled by the user')) });
    await assert.rejects(exportToFile(req, file), /cancelled by the user/);
    assert.deepEqual(readdirSync(d), ['out.jsonl']);
    assert.equal(readFileSync(file, 'utf8'), 'previous export\n');
    assert.ok(s.queries.length < 6, 'stopped paging');
  });

  it('on a failed page deletes the partial file and throws the error', async () => {
    const s = server(dataset(95));
    const fetchPage: ExportRequest['fetchPage'] = (q, signal) => (s.queries.length === 3 ? Promise.reject(new Error('ClickHouse says no')) : s.fetchPage(q, signal));
    const d = dir();
    await assert.rejects(exportToFile(request(fetchPage), join(d, 'out.jsonl')), /ClickHouse says no/);
    assert.deepEqual(readdirSync(d), []);
  });

  it('waits out a 429 (Retry-After) and retries the page', async () => {
    const s = server(dataset(30));
    let failures = 1;
    const waits: number[] = [];
    const fetchPage: ExportRequest['fetchPage'] = (q, signal) =>
      s.queries.length === 2 && failures-- > 0 ? Promise.reject(Object.assign(new Error('throttled'), { retryAfterMs: 5 })) : s.fetchPage(q, signal);
    const file = join(dir(), 'out.jsonl');
    const summary = await exportToFile(request(fetchPage, { onWait: (ms) => waits.push(ms) }), file);
    assert.equal(summary.rows, 30);
    assert.deepEqual(waits, [5]);
    assert.equal(lines(file).length, 30);
  });

  it('refuses text over its limit (the untitled editor), and writes what fits', async () => {
    const s = server(dataset(95));
    await assert.rejects(exportToText(request(s.fetchPage, { format: 'json' }), 500), ExportTooLarge);
    const ok = await exportToText(request(server(dataset(5)).fetchPage, { format: 'json' }), 10_000);
    assert.equal((JSON.parse(ok.text) as unknown[]).length, 5);
  });

  it('leaves no file behind when the target directory is missing', async () => {
    const d = join(dir(), 'missing');
    await assert.rejects(exportToFile(request(server(dataset(5)).fetchPage), join(d, 'out.jsonl')), /ENOENT/);
    assert.ok(!existsSync(d));
  });
});
