/** Streamed row text: the pass-through splitter gives the same JSON as parse + convert + write. */
import assert from 'node:assert/strict';
import { convertRow, parseTypes, writeJsonValue } from '../../src/hogql/response';
import { cellModes, rowText, splitCells } from '../../src/hogql/rowText';

const TYPES = ['String', 'Nullable(String)', 'UInt64', 'Int32', "DateTime64(6, 'America/Los_Angeles')", 'Float64', 'Array(String)', 'Map(String, UInt64)', 'UUID', 'Bool', 'LowCardinality(String)', 'Date'];

describe('streamed row text', () => {
  const parsed = parseTypes(TYPES);
  const modes = cellModes(TYPES);
  const lines = [
    '["plain", null, "18446744073709551615", -5, "2024-03-10 01:59:59.000000", 0.1, ["a,b", "c]d"], {"k":"9007199254740993"}, "0191f3c4-1111-7abc-8def-0123456789ab", true, "x", "2024-01-01"]',
    '["q\\"uo,te]\\\\", "{\\"json\\":[1,2]}", "0", 2147483647, "2024-11-03 01:30:00.123400", 1e100, [], {}, "0191f3c4-1111-7abc-8def-0123456789ab", false, "", "1970-01-01"]',
    '["ctl\\u001Fchar \\n tab\\t", "ünï©ødé ✓ /slash/", "9223372036854775808", 0, "2024-06-01 12:00:00.000000", -0.5, ["\\"", "\\\\"], {"a,b":"1"}, "00000000-0000-0000-0000-000000000000", true, "\\\\\\"", "2000-02-29"]',
  ];

  it('splits top-level cells, keeping commas and brackets inside strings and nested values', () => {
    assert.deepEqual(splitCells('["a,]b", [1, [2, 3]], {"x": ["y"]}, null, 5]'), ['"a,]b"', '[1, [2, 3]]', '{"x": ["y"]}', 'null', '5']);
  });

  it('writes every row exactly as the whole-result path does', () => {
    for (const line of lines) {
      const expected = writeJsonValue(convertRow(JSON.parse(line) as unknown[], parsed));
      assert.equal(rowText(line, modes, parsed), expected, line);
    }
  });
});
