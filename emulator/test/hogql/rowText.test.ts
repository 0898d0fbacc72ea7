/** Streamed row text: the pass-through splitter gives the same JSON as parse + convert + write. */
import assert from 'node:assert/strict';
import { convertRow, parseTypes, writeJsonValue } from '../../src/hogql/response';
import { cellModes, rowText, splitCells } from '../../src/hogql/rowText';

const TYPES = ['String', 'Nullable(String)', 'UInt64', 'Int32', "DateTime64(6, 'America/Los_Angeles')", 'Float64', 'Array(String)', 'Map(String, UInt64)', 'UUID', 'Bool', 'LowCardinality(String)', 'Date'];

/** The columns of `SELECT * FROM events` in a UTC project, as the engine types them. */
const EVENT_TYPES = ['UUID', 'String', 'String', "DateTime64(6, 'UTC')", 'String', 'String', "DateTime64(6, 'UTC')", 'Nullable(Int64)', "Nullable(DateTime('UTC'))", 'DateTime64(3)', 'String'];

/** ClickHouse's JSONCompactEachRow text of one row: `, ` between cells, strings JSON-escaped. */
function engineLine(cells: string[]): string {
  return `[${cells.join(', ')}]`;
}

/** Deterministic rows of EVENT_TYPES: JSON-in-string properties, quotes, `", ` inside strings, zero and non-zero fractions. */
function eventLines(n: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const props = JSON.stringify({ $browser: 'Chrome', $current_url: `https://x.io/p/${i}`, note: i % 7 === 0 ? 'a", "b' : 'q"uo\\te', n: i });
    const frac = i % 3 === 0 ? '000000' : String(100000 + ((i * 7919) % 900000));
    out.push(
      engineLine([
        JSON.stringify(`01a248a7-b200-7c65-8000-${String(i).padStart(12, '0')}`),
        JSON.stringify(i % 5 === 0 ? '$pageview' : 'say "hi", ok'),
        JSON.stringify(props),
        JSON.stringify(`2026-12-0${1 + (i % 9)} 0${i % 10}:01:19.${frac}`),
        JSON.stringify(`user-${i}`),
        JSON.stringify(i % 4 === 0 ? '' : 'a.btn:attr__class="btn"nth-child="1"'),
        JSON.stringify(`2026-11-30 23:59:5${i % 10}.${frac}`),
        i % 6 === 0 ? 'null' : JSON.stringify(String(9007199254740993n + BigInt(i))),
        i % 2 === 0 ? 'null' : JSON.stringify(`2025-01-0${1 + (i % 9)} 12:00:0${i % 10}`),
        JSON.stringify(`2025-02-03 04:05:06.${i % 2 === 0 ? '000' : String(100 + (i % 900))}`),
        JSON.stringify(i % 11 === 0 ? 'last", "cell' : `tail ${i}`),
      ]),
    );
  }
  return out;
}

function cpuMs(fn: () => void): number {
  let best = Infinity;
  for (let rep = 0; rep < 5; rep++) {
    const c0 = process.cpuUsage();
    fn();
    const c = process.cpuUsage(c0);
    best = Math.min(best, (c.user + c.system) / 1000);
  }
  return best;
}

describe('streamed row text', () => {
  const parsed = parseTypes(TYPES);
  const modes = cellModes(TYPES);
  const lines = [
    '["plain", null, "18446744073709551615", -5, "2024-03-10 01:59:59.000000", 0.1, ["a,b", "c]d"], {"k":"9007199254740993"}, "0191f3c4-1111-7abc-8def-0123456789ab", true, "x", "2024-01-01"]',
    '["q\\"uo,te]\\\\", "{\\"json\\":[1,2]}", "0", 2147483647, "2024-11-03 01:30:00.123400", 1e100, [], {}, "0191f3c4-1111-7abc-8def-0123456789ab", false, "", "1970-01-01"]',
    '["ctl\\u001Fchar \\n tab\\t", "ünï©ødé ✓ /slash/", "9223372036854775808", 0, "2024-06-01 12:00:00.000000", -0.5, ["\\"", "\\\\"], {"a,b":"1"}, "00000000-0000-0000-0000-000000000000", true, "\\\\\\"", "2000-02-29"]',
    '["ends with a backslash \\\\", "a\\", \\"b", "1", 1, "2024-06-01 12:00:00.5", null, ["x\\", \\"y", "z"], {"k\\", \\"":"2"}, "00000000-0000-0000-0000-000000000000", false, "\\\\", "2000-02-29"]',
  ];

  it('splits top-level cells, keeping commas and brackets inside strings and nested values', () => {
    assert.deepEqual(splitCells('["a,]b", [1, [2, 3]], {"x": ["y"]}, null, 5]'), ['"a,]b"', '[1, [2, 3]]', '{"x": ["y"]}', 'null', '5']);
    assert.deepEqual(splitCells('["a\\", \\"b", "c\\\\", "d"]'), ['"a\\", \\"b"', '"c\\\\"', '"d"']);
  });

  it('writes every row exactly as the whole-result path does', () => {
    for (const line of lines) {
      const expected = writeJsonValue(convertRow(JSON.parse(line) as unknown[], parsed));
      assert.equal(rowText(line, modes, parsed), expected, line);
    }
  });

  it('writes event rows (UTC datetimes, quoted 64-bit integers, JSON text in strings) exactly as the whole-result path does', () => {
    const eventParsed = parseTypes(EVENT_TYPES);
    const eventModes = cellModes(EVENT_TYPES);
    for (const line of eventLines(500)) {
      assert.equal(rowText(line, eventModes, eventParsed), writeJsonValue(convertRow(JSON.parse(line) as unknown[], eventParsed)), line);
    }
  });

  // Issue #15: the big result's rows were converted at the cost of a parse and re-serialisation
  // (50,000 event rows: ~400 ms CPU of the emulator's ~1.3 s); the splitter must cost well under it.
  it('costs under half the CPU time of parse + convert + write on event rows', function () {
    this.timeout(30_000);
    const eventParsed = parseTypes(EVENT_TYPES);
    const eventModes = cellModes(EVENT_TYPES);
    const rows = eventLines(5_000);
    let sink = 0;
    const splitPass = (): number => cpuMs(() => rows.forEach((l) => (sink += rowText(l, eventModes, eventParsed).length)));
    const wholePass = (): number => cpuMs(() => rows.forEach((l) => (sink += writeJsonValue(convertRow(JSON.parse(l) as unknown[], eventParsed)).length)));
    // both warmed up (a cold first pass also pays V8's compiles), then the best of 3 alternating
    // passes each: one pass on a loaded machine can lose a core halfway through
    splitPass();
    wholePass();
    let [split, whole] = [Infinity, Infinity];
    for (let round = 0; round < 3; round++) {
      split = Math.min(split, splitPass());
      whole = Math.min(whole, wholePass());
    }
    assert.ok(sink > 0);
    assert.ok(split < whole / 2, `rowText ${split.toFixed(1)} ms CPU vs parse + convert + write ${whole.toFixed(1)} ms`);
  });
});
