// The .hogqlnb file format (src/notebook/format.ts): round trip, sorted keys, one cell per entry,
// output caps, and broken or hand-edited files.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { jsonErrorOffset } from '../../../src/notebook/jsonPlace';
import { capOutput, NotebookFormatError, parseNotebook, serializeNotebook, stableStringify, type NotebookFile, type StoredOutput } from '../../../src/notebook/format';

const ON = { saveOutputs: true, maxOutputBytes: 100_000 };
const OFF = { saveOutputs: false, maxOutputBytes: 100_000 };

function output(rows: number): StoredOutput {
  return {
    at: '2026-12-06T07:10:00.000Z',
    project: { host: 'http://localhost:8010', id: 1, name: 'Hedgebox' },
    rowCount: rows,
    columns: [{ name: 'event', type: 'String' }, { name: 'c', type: 'UInt64' }],
    rows: Array.from({ length: rows }, (_, i) => [`event ${i}`, i]),
    elapsedMs: 12,
  };
}

const sample: NotebookFile = {
  cells: [
    { kind: 'markdown', source: '# Title\n\nSome *text*.' },
    { kind: 'hogql', source: 'SELECT event, count() AS c\nFROM events\nWHERE event = {event}\nGROUP BY event', output: output(3) },
  ],
  values: { event: '$pageview' },
  variables: { country: 'FR' },
};

/** Every object's keys in the parsed JSON text are in sorted order. */
function keysSorted(v: unknown): boolean {
  if (Array.isArray(v)) return v.every(keysSorted);
  if (typeof v !== 'object' || v === null) return true;
  const keys = Object.keys(v);
  return keys.every((k, i) => i === 0 || keys[i - 1] < k) && Object.values(v).every(keysSorted);
}

describe('notebook/format: .hogqlnb files', () => {
  it('round-trips cells, values, variables and outputs (with saveOutputs on)', () => {
    const text = serializeNotebook(sample, ON);
    assert.deepEqual(parseNotebook(text), sample);
    assert.equal(serializeNotebook(parseNotebook(text), ON), text, 'serialize ∘ parse is the identity on our own output');
  });

  it('keeps no outputs when saveOutputs is off', () => {
    const parsed = parseNotebook(serializeNotebook(sample, OFF));
    assert.equal(parsed.cells[1].output, undefined);
    assert.equal(parsed.cells[1].source, sample.cells[1].source);
  });

  it('writes sorted keys, a 2-space indent, one cell per entry and one source line per line', () => {
    const text = serializeNotebook(sample, ON);
    assert.ok(keysSorted(JSON.parse(text)));
    assert.ok(text.endsWith('}\n'));
    const lines = text.split('\n');
    assert.ok(lines.includes('  "cells": ['), 'top-level keys indented by 2');
    assert.ok(lines.includes('        "FROM events",'), 'each source line on its own line of the file');
    assert.equal(lines.filter((l) => /^ {4}\{$/.test(l)).length, 2, 'one object per cell');
    assert.equal(stableStringify({ b: 1, a: { d: [{ z: 1, y: 2 }], c: 3 } }, 0), '{"a":{"c":3,"d":[{"y":2,"z":1}]},"b":1}');
  });

  it('round-trips any cell text exactly (property: \\r\\n, trailing newlines, unicode)', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'é', '😀', '\n', '\r', ' ', '"', '\\', '{', '}') });
    fc.assert(
      fc.property(fc.array(fc.record({ kind: fc.constantFrom('hogql' as const, 'markdown' as const), source: text }).map((c) => ({ ...c })), { maxLength: 5 }), (cells) => {
        const nb: NotebookFile = { cells, values: {}, variables: {} };
        assert.deepEqual(parseNotebook(serializeNotebook(nb, OFF)), nb);
      }),
      { numRuns: 300 },
    );
  });

  it('caps a stored output to the size setting, counting the rows left out', () => {
    const big = output(5_000);
    const capped = capOutput(big, 10_000);
    assert.ok(JSON.stringify(capped).length <= 10_000);
    assert.ok(capped.rows.length > 10 && capped.rows.length < 5_000);
    assert.equal(capped.rowsOmitted, 5_000 - capped.rows.length);
    assert.equal(capped.rowCount, 5_000);
    assert.deepEqual(capped.rows, big.rows.slice(0, capped.rows.length), 'the first rows are kept');
    // one more row would not have fitted
    assert.ok(JSON.stringify({ ...capped, rows: big.rows.slice(0, capped.rows.length + 1) }).length > 10_000);
    assert.equal(capOutput(big, 10_000_000), big, 'an output under the cap is kept whole');
    const tiny = capOutput(big, 100);
    assert.deepEqual([tiny.columns, tiny.rows, tiny.rowCount], [[], [], 5_000], 'under any row, only the summary');
    const inFile = parseNotebook(serializeNotebook({ ...sample, cells: [{ kind: 'hogql', source: 'SELECT 1', output: big }] }, { saveOutputs: true, maxOutputBytes: 10_000 }));
    assert.deepEqual(inFile.cells[0].output, capped);
  });

  it('reads an empty file as an empty notebook, and a single-string source', () => {
    assert.deepEqual(parseNotebook(''), { cells: [], values: {}, variables: {} });
    assert.deepEqual(parseNotebook('  \n'), { cells: [], values: {}, variables: {} });
    assert.equal(parseNotebook('{"cells":[{"kind":"hogql","source":"SELECT 1\\nFROM events"}]}').cells[0].source, 'SELECT 1\nFROM events');
  });

  it('keeps keys it does not know (a newer version, a hand edit) and writes them back', () => {
    const text = '{"cells":[{"kind":"hogql","source":["SELECT 1"],"tags":["x"]}],"owner":"ana","version":1}';
    const nb = parseNotebook(text);
    const again = JSON.parse(serializeNotebook(nb, OFF)) as { owner: string; cells: { tags: string[] }[] };
    assert.equal(again.owner, 'ana');
    assert.deepEqual(again.cells[0].tags, ['x']);
  });

  it('refuses a broken file with a message naming the place', () => {
    const broken: [string, RegExp][] = [
      ['{"cells": [\n  {"kind": "hogql", "source": ["SELECT 1"]},\n  }\n]}', /not valid JSON \(line 3, column \d+\)/],
      ['{"cells": [{"kind": "hogql", "source": "x\ty"}]}', /not valid JSON \(line 1, column 42\)/],
      ['[1, 2]', /JSON object with a "cells" list/],
      ['{"cells": {"kind": "hogql"}}', /"cells" must be a list/],
      ['{"cells": [{"kind": "python", "source": "x"}]}', /cells\[0\]\.kind must be "hogql" or "markdown" \(found "python"\)/],
      ['{"cells": [{"kind": "hogql", "source": 42}]}', /cells\[0\]\.source must be a list of lines/],
      ['{"cells": [{"kind": "hogql", "source": "x", "output": {"rows": 3}}]}', /cells\[0\]\.output must have/],
      ['{"cells": [], "values": [1]}', /"values" must be an object/],
      ['{"cells": [], "format": "jupyter"}', /"format" is "jupyter"/],
      ['{"cells": [], "version": 9}', /format version 9; this extension reads version 1/],
    ];
    for (const [text, message] of broken) {
      assert.throws(() => parseNotebook(text), (e: unknown) => e instanceof NotebookFormatError && message.test(e.message), text);
    }
  });
});

describe('notebook/jsonPlace: where a JSON text goes wrong', () => {
  it('agrees with JSON.parse on valid texts and on one-character corruptions of them (property)', () => {
    fc.assert(
      fc.property(fc.json(), fc.nat(), fc.constantFrom('', '}', ']', ',', '"', ':', '\t', 'x'), (json, at, ch) => {
        const text = ch === '' ? json : json.slice(0, at % (json.length + 1)) + ch + json.slice(at % (json.length + 1));
        let valid = true;
        try {
          JSON.parse(text);
        } catch {
          valid = false;
        }
        assert.equal(jsonErrorOffset(text) === undefined, valid, text);
      }),
      { numRuns: 2_000 },
    );
  });
});
