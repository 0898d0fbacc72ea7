import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Cell, Column } from '../../../src/results/protocol';
import { collect, csvChunks, csvField, jsonChunks } from '../../../src/results/export';
import { parseCsv } from './support/csv';

const cols = (n: number): Column[] => Array.from({ length: n }, (_, i) => ({ name: `c${i}`, type: 'String' }));
const noYield = async (): Promise<void> => {};

describe('query/export: streaming CSV and JSON', () => {
  it('quotes per RFC 4180: quotes, commas, CR/LF, edge spaces; NULL empty, "" for empty strings', () => {
    assert.deepEqual(
      ['plain', 'a,b', 'say "x"', 'l1\nl2', 'r\r', ' lead', 'trail ', '', null, 42, { a: [1] }].map((v) => csvField(v as Cell)),
      ['plain', '"a,b"', '"say ""x"""', '"l1\nl2"', '"r\r"', '" lead"', '"trail "', '""', '', '42', '"{""a"":[1]}"'],
    );
  });

  it('round-trips any strings and NULLs through an RFC 4180 parser (property)', async () => {
    const cell = fc.oneof(fc.string({ unit: fc.constantFrom('a', ' ', ',', '"', '\r', '\n', 'é', '\t', 'x') }), fc.constant(null));
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 4 }).chain((w) => fc.tuple(fc.constant(w), fc.array(fc.array(cell, { minLength: w, maxLength: w }), { maxLength: 12 }))), async ([w, rows]) => {
        const text = await collect(csvChunks(cols(w), rows, { chunkRows: 3, yieldToLoop: noYield }));
        const parsed = parseCsv(text);
        assert.deepEqual(parsed[0].fields, cols(w).map((c) => c.name));
        const back = parsed.slice(1).map((r) => r.fields.map((f, i) => (f === '' && !r.quoted[i] ? null : f)));
        assert.deepEqual(back, rows);
      }),
      { numRuns: 300 },
    );
  });

  it('streams in chunks of chunkRows and yields to the event loop between them', async () => {
    const rows: Cell[][] = Array.from({ length: 10 }, (_, i) => [i]);
    let yields = 0;
    const chunks: string[] = [];
    for await (const c of csvChunks(cols(1), rows, { chunkRows: 4, yieldToLoop: async () => void yields++ })) chunks.push(c);
    assert.deepEqual(chunks, ['c0\r\n', '0\r\n1\r\n2\r\n3\r\n', '4\r\n5\r\n6\r\n7\r\n', '8\r\n9\r\n']);
    assert.equal(yields, 3);
  });

  it('lets timers run while exporting 100k rows (the default yield is a macrotask)', async () => {
    const rows: Cell[][] = Array.from({ length: 100_000 }, (_, i) => [i, `row ${i}`]);
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    let bytes = 0;
    for await (const c of csvChunks(cols(2), rows, { chunkRows: 1000 })) bytes += c.length;
    clearInterval(timer);
    assert.ok(ticks > 5, `timers ran ${ticks} times`);
    assert.ok(bytes > 1_000_000);
  });

  it('writes JSON that parses back to the rows, big integers exact in the text', async () => {
    const columns: Column[] = [{ name: 'n', type: 'Int64' }, { name: 's', type: 'Nullable(String)' }, { name: 'n', type: 'Float64' }];
    const rows: Cell[][] = [['-9223372036854775808', 'a"b', 1.5], [7, null, -0.25]];
    const text = await collect(jsonChunks(columns, rows, { chunkRows: 1, yieldToLoop: noYield }));
    assert.ok(text.includes('"n":-9223372036854775808'), text);
    assert.deepEqual(JSON.parse(text), [{ n: -9223372036854775808, s: 'a"b', n_2: 1.5 }, { n: 7, s: null, n_2: -0.25 }]);
    assert.equal(await collect(jsonChunks(columns, [], { yieldToLoop: noYield })), '[]\n');
  });
});
