// Issue #13 item 6 and issue #14 item 14: what a grid cell, header and the cell viewer show, against
// what copies keep. Bidi and invisible characters show as `[U+202E]`-style escapes; floats show
// in the digits their type holds, the full value staying in the tooltip, the viewer and copies.
import * as assert from 'node:assert/strict';
import type { ResultPayload } from '../../../src/results/protocol';
import { toTsv } from '../../../src/results/copy';
import { displayText, floatText, rawText, shortestFloat32, viewerText, ZonedFormatter } from '../../../src/results/format';
import { classifyType } from '../../../src/results/types';
import { visible } from '../../../src/results/visible';
import { GridModel } from '../../../webview-ui/results/model';

const RLO = '\u202E';

describe('results cells: bidi and invisible characters', () => {
  const result: ResultPayload = {
    queryId: 'q',
    columns: [{ name: `na${RLO}me`, type: 'String' }],
    rows: [[`invoice${RLO}exe.txt`], ['zero\u200Bwidth\uFEFF and \u2066isolate\u2069'], ['line1\nline2\ttab']],
    hasMore: false,
    elapsedMs: 0,
  };

  it('a grid cell shows escapes, never the raw character', () => {
    const m = new GridModel();
    m.setResult(result);
    assert.equal(m.cellView(0, 0).text, 'invoice[U+202E]exe.txt');
    assert.equal(m.cellView(1, 0).text, 'zero[U+200B]width[U+FEFF] and [U+2066]isolate[U+2069]');
    assert.equal(m.cellView(2, 0).text, 'line1\nline2\ttab', 'newlines and tabs are not escaped');
  });

  it('copies keep the raw value', () => {
    assert.equal(toTsv({ columns: result.columns, rows: [result.rows[0]!] }, false), `invoice${RLO}exe.txt`);
    assert.equal(viewerText(result.rows[0]![0]!, classifyType('String')).text, `invoice${RLO}exe.txt`);
  });

  it('the shared helper escapes format and control characters and keeps emoji joiners', () => {
    for (const cp of [0x202a, 0x202e, 0x2066, 0x2069, 0x200b, 0x200f, 0xfeff, 0x00ad, 0x0007, 0x007f, 0x0085]) {
      assert.equal(visible(`a${String.fromCodePoint(cp)}b`), `a[U+${cp.toString(16).toUpperCase().padStart(4, '0')}]b`);
    }
    assert.equal(visible('👩\u200D💻'), '👩\u200D💻');
  });
});

describe('results cells: floats', () => {
  const f32 = classifyType('Float32');
  const f64 = classifyType('Nullable(Float64)');
  const zone = new ZonedFormatter('UTC');

  it('classifies the float width', () => {
    assert.equal(f32.bits, 32);
    assert.equal(f64.bits, 64);
    assert.equal(classifyType('BFloat16').bits, 16);
  });

  it('a Float32 shows the shortest text that reads back as the same Float32', () => {
    assert.equal(shortestFloat32(3843.5400390625), '3843.54');
    assert.equal(shortestFloat32(Math.fround(0.1)), '0.1');
    assert.equal(shortestFloat32(16777216), '16777216');
    assert.equal(shortestFloat32(Math.fround(3.4028234663852886e38)), '3.4028235e+38');
    for (const x of [1 / 3, 123.456, -7.25e-12, 65504.1, 1e-45]) {
      const f = Math.fround(x);
      assert.equal(Math.fround(Number(shortestFloat32(f))), f, `${x} round-trips through Float32`);
    }
    assert.equal(floatText(3843.5400390625, f32), '3843.54');
  });

  it('a Float64 shows at most 15 significant digits: the noise of sums goes, every decimal stays', () => {
    assert.equal(floatText(3843.539999999999, f64), '3843.54');
    assert.equal(floatText(3843.5400000000004, f64), '3843.54');
    assert.equal(floatText(0.1 + 0.2, f64), '0.3');
    assert.equal(floatText(2.5, f64), '2.5');
    assert.equal(floatText(123456789012.345, f64), '123456789012.345');
    assert.equal(floatText(-1e-300, f64), '-1e-300');
    assert.equal(floatText(Infinity, f64), 'Infinity');
  });

  it('the grid shows the short form with the full value as tooltip; the viewer and copies keep it all', () => {
    const m = new GridModel();
    m.setResult({ queryId: 'q', columns: [{ name: 's', type: 'Nullable(Float64)' }, { name: 'f', type: 'Float32' }], rows: [[3843.539999999999, 3843.5400390625], [2.5, 0.5]], hasMore: false, elapsedMs: 0 });
    assert.deepEqual(m.cellView(0, 0), { text: '3843.54', isNull: false, expandable: false, title: '3843.539999999999' });
    assert.deepEqual(m.cellView(0, 1), { text: '3843.54', isNull: false, expandable: false, title: '3843.5400390625' });
    assert.deepEqual(m.cellView(1, 0), { text: '2.5', isNull: false, expandable: false }, 'no tooltip when nothing was cut');
    assert.equal(viewerText(3843.539999999999, f64).text, '3843.539999999999');
    assert.equal(rawText(3843.539999999999), '3843.539999999999');
    assert.equal(toTsv({ columns: m.columns, rows: [m.rows.row(0)] }, false), '3843.539999999999\t3843.5400390625');
    assert.equal(displayText(3843.539999999999, f64, zone), '3843.54');
    m.setFilter('3843.54');
    assert.equal(m.rowCount, 1, 'the filter finds what the cell shows');
  });
});
