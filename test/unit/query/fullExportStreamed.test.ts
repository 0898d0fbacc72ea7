import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Cell, Column } from '../../../src/results/protocol';
import { exportResult, exportToFile, exportToText, ExportTooLarge, type ExportPage, type ExportRequest, type ExportSink, type PageRows } from '../../../src/query/fullExport';

const COLUMNS: Column[] = [
  { name: 'n', type: 'UInt64' },
  { name: 'label', type: 'String' },
];

const dataset = (n: number): Cell[][] => Array.from({ length: n }, (_, i) => [i, i % 3 === 0 ? `=cmd${i}` : `row ${i}`]);

/**
 * PostHog over `data` (sorted: the queries' order does not matter here). `streams`: rows of a page
 * are handed to the export's `into` in batches of 3 as a body would arrive, awaiting `ready()`
 * between them as the transport does; otherwise returned with the page.
 */
function server(data: Cell[][], streams: boolean) {
  const stats = { streamed: 0, pendingReady: 0 };
  const fetchPage = async (query: string, signal: AbortSignal, into?: PageRows): Promise<ExportPage> => {
    signal.throwIfAborted();
    const [limit, offset] = (/LIMIT (\d+) OFFSET (\d+)\s*$/.exec(query) ?? []).slice(1).map(Number) as [number, number];
    const page = data.slice(offset, offset + limit);
    const hasMore = offset + limit < data.length;
    if (!streams || !into) return { columns: COLUMNS, rows: page, rowCount: page.length, hasMore };
    for (let i = 0; i < page.length; i += 3) {
      into.write(page.slice(i, i + 3).map((r) => [...r]));
      stats.streamed += Math.min(3, page.length - i);
      const ready = into.ready();
      if (ready) {
        stats.pendingReady++;
        await ready;
      }
    }
    return { columns: COLUMNS, rows: [], rowCount: page.length, hasMore };
  };
  return { fetchPage, stats };
}

function request(fetchPage: ExportRequest['fetchPage'], extra: Partial<ExportRequest> = {}): ExportRequest {
  return { query: 'SELECT n, label FROM t', format: 'csv', fetchPage, signal: new AbortController().signal, pageRows: 10, chunkRows: 4, ...extra };
}

describe('query/fullExport: rows written while a page arrives (flat memory, #17)', () => {
  it('the file is byte for byte the one written from whole pages, for each format', async () => {
    const d = mkdtempSync(join(tmpdir(), 'hogql-export-'));
    for (const format of ['csv', 'jsonl', 'json'] as const) {
      const data = dataset(95);
      const streamed = server(data, true);
      await exportToFile(request(streamed.fetchPage, { format }), join(d, `a.${format}`));
      await exportToFile(request(server(data, false).fetchPage, { format }), join(d, `b.${format}`));
      assert.equal(streamed.stats.streamed, 95, 'the stable pages went through `into`');
      assert.equal(readFileSync(join(d, `a.${format}`), 'utf8'), readFileSync(join(d, `b.${format}`), 'utf8'));
    }
  });

  it('ready() is the sink\'s pending write (backpressure), and progress counts streamed rows', async () => {
    const wrote: string[] = [];
    let slow = 0;
    const sink: ExportSink = {
      write: (chunk) => {
        wrote.push(chunk);
        // every other write waits a turn, as a full file stream waits for 'drain'
        return slow++ % 2 ? new Promise((resolve) => setImmediate(resolve)) : Promise.resolve();
      },
    };
    const s = server(dataset(25), true);
    const progress: number[] = [];
    const summary = await exportResult(request(s.fetchPage, { onProgress: (n) => progress.push(n) }), sink);
    assert.equal(summary.rows, 25);
    assert.ok(s.stats.pendingReady > 0, 'the page waited for the sink');
    assert.equal(progress.at(-1), 25);
    assert.equal(wrote.join('').split('\r\n').length, 1 + 25 + 1);
  });

  it('text over its limit fails the export though its rows were streamed', async () => {
    await assert.rejects(exportToText(request(server(dataset(95), true).fetchPage, { format: 'json' }), 500), ExportTooLarge);
  });
});
