/**
 * Streamed rows without a parse and re-serialisation of every cell: a JSONCompactEachRow line is
 * split into its top-level cell texts, and only the cells whose text differs from what PostHog's
 * JSON holds are converted (DateTime to ISO 8601, 64-bit integers unquoted, floats and nested
 * values as JS writes them; see response.ts). Strings, small integers, booleans, UUIDs and dates
 * pass through as ClickHouse wrote them: the readers disable `\/` escaping
 * (`output_format_json_escape_forward_slashes=0`), which leaves ClickHouse's string escaping equal
 * to JSON.stringify's except for the hex case of `\u00XX` control characters, so a string cell
 * holding one is converted too.
 *
 * Speed (issue #15, 50,000 rows of `SELECT * FROM events`, 53 MB): the line is scanned once, a
 * string cell's end found with one `indexOf('", ')` (ClickHouse writes `, ` between cells; inside
 * a string a quote is always escaped), DateTime cells rewritten as text (their ClickHouse text
 * holds no escapes) and 64-bit integers unquoted by a slice; only floats, nested values and
 * strings holding `\u00XX` go through JSON.parse.
 */
import { convertCell, dateTimeZone, formatDateTime, isUtcZone, writeJsonValue, type ParsedTypes } from './response';

const PASS_THROUGH = /^(String|FixedString\(\d+\)|UUID|Bool|U?Int(8|16|32)|Date|Date32|Enum(8|16)?\(.*\))$/;
const STRINGISH = /^(String|FixedString\(\d+\))$/;
const WIDE_INT = /^U?Int(64|128|256)$/;

function unwrap(type: string): string {
  const m = /^(?:Nullable|LowCardinality)\((.*)\)$/.exec(type);
  return m ? unwrap(m[1]) : type;
}

/**
 * Per column: 'pass' (text kept), 'string' (kept unless it holds a \u00XX escape), 'datetime'
 * (rewritten as text), 'wideint' (unquoted), 'convert' (parsed, converted, written).
 */
export type CellMode = 'pass' | 'string' | 'datetime' | 'wideint' | 'convert';

export function cellModes(types: string[]): CellMode[] {
  return types.map((t) => {
    const inner = unwrap(t);
    if (STRINGISH.test(inner)) return 'string';
    if (/^DateTime(64)?(\(.*\))?$/.test(inner)) return 'datetime';
    if (WIDE_INT.test(inner)) return 'wideint';
    return PASS_THROUGH.test(inner) ? 'pass' : 'convert';
  });
}

/** Is the `"` at `j` escaped (an odd number of backslashes before it)? */
function escaped(line: string, j: number): boolean {
  let backslashes = 0;
  for (let k = j - 1; line.charCodeAt(k) === 92; k--) backslashes++;
  return backslashes % 2 === 1;
}

/** End (exclusive) of the JSON string starting at `start` (a `"`). */
function stringEnd(line: string, start: number): number {
  let j = start;
  for (;;) {
    j = line.indexOf('"', j + 1);
    if (j < 0) return line.length;
    if (!escaped(line, j)) return j + 1;
  }
}

/**
 * End (exclusive) of a top-level string cell: its closing quote is the first unescaped one, and
 * ClickHouse follows it with `, ` unless the cell is the row's last; one search skips the text.
 */
function topStringEnd(line: string, start: number): number {
  for (let sep = line.indexOf('", ', start + 1); sep >= 0; sep = line.indexOf('", ', sep + 1)) {
    if (!escaped(line, sep)) return sep + 1;
  }
  return stringEnd(line, start);
}

/** End (exclusive) of the cell starting at `i` (a nested value's brackets are balanced). */
function cellEnd(line: string, i: number): number {
  if (line.charCodeAt(i) === 34) {
    const end = topStringEnd(line, i);
    return end < line.length && line.charCodeAt(end) !== 44 ? cellEnd(line, end) : end;
  }
  let depth = 0;
  for (; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 34) i = stringEnd(line, i) - 1;
    else if (c === 91 || c === 123) depth++;
    else if ((c === 93 || c === 125) && depth > 0) depth--;
    else if ((c === 44 || c === 93) && depth === 0) return i;
  }
  return i;
}

/** The top-level cell texts of one `[a,b,…]` line. */
export function splitCells(line: string): string[] {
  const cells: string[] = [];
  let start = 1;
  while (start < line.length) {
    const end = cellEnd(line, start);
    const cell = line.slice(start, end).trim();
    if (cell !== '' || cells.length > 0 || line.charCodeAt(end) === 44) cells.push(cell);
    start = end + 1;
  }
  return cells;
}

const ZERO_FRACTION = /^0*$/;

/**
 * A DateTime cell (`"2024-01-02 03:04:05[.123456]"`; ClickHouse's text holds no escapes) as
 * `formatDateTime` writes it; in UTC, or with no zone, by slicing the fixed layout.
 */
function dateTimeText(cell: string, zone: string | null): string {
  if (cell.charCodeAt(0) !== 34) return cell;
  const close = cell.length - 1;
  const fixed = cell.charCodeAt(11) === 32 && (close === 20 || cell.charCodeAt(20) === 46);
  if (!fixed || (zone !== null && !isUtcZone(zone))) return `"${formatDateTime(cell.slice(1, -1), zone)}"`;
  const digits = close > 21 ? cell.slice(21, close) : '';
  const frac = ZERO_FRACTION.test(digits) ? '' : `.${digits.padEnd(6, '0').slice(0, 6)}`;
  return `"${cell.slice(1, 11)}T${cell.slice(12, 20)}${frac}${zone === null ? '' : 'Z'}"`;
}

function convertText(cell: string, mode: CellMode, type: ParsedTypes[number]): string {
  if (cell === 'null') return cell;
  switch (mode) {
    case 'pass':
      return cell;
    case 'string':
      return cell.includes('\\u00') ? writeJsonValue(convertCell(JSON.parse(cell), type)) : cell;
    case 'datetime':
      return dateTimeText(cell, dateTimeZone(type) ?? null);
    case 'wideint':
      return cell.charCodeAt(0) === 34 && /^"-?\d+"$/.test(cell) ? cell.slice(1, -1) : cell;
    default:
      return writeJsonValue(convertCell(JSON.parse(cell), type));
  }
}

/** JSON text of one engine row line, as `writeJsonValue(convertRow(JSON.parse(line)))` gives it. */
export function rowText(line: string, modes: CellMode[], parsed: ParsedTypes): string {
  let out = '[';
  let start = 1;
  for (let i = 0; i < modes.length; i++) {
    while (line.charCodeAt(start) === 32) start++;
    const end = cellEnd(line, start);
    let stop = end;
    while (stop > start && line.charCodeAt(stop - 1) === 32) stop--;
    const cell = line.slice(start, stop);
    out += (i === 0 ? '' : ',') + convertText(cell, modes[i], parsed[i]);
    start = end + 1;
  }
  return `${out}]`;
}
