/**
 * Streamed rows without a parse and re-serialisation of every cell: a JSONCompactEachRow line is
 * split into its top-level cell texts, and only the cells whose text differs from what PostHog's
 * JSON holds are converted (DateTime to ISO 8601, 64-bit integers unquoted, floats and nested
 * values as JS writes them; see response.ts). Strings, small integers, booleans, UUIDs and dates
 * pass through as ClickHouse wrote them: the readers disable `\/` escaping
 * (`output_format_json_escape_forward_slashes=0`), which leaves ClickHouse's string escaping equal
 * to JSON.stringify's except for the hex case of `\u00XX` control characters, so a string cell
 * holding one is converted too.
 */
import { convertCell, writeJsonValue, type ParsedTypes } from './response';

const PASS_THROUGH = /^(String|FixedString\(\d+\)|UUID|Bool|U?Int(8|16|32)|Date|Date32|Enum(8|16)?\(.*\))$/;
const STRINGISH = /^(String|FixedString\(\d+\))$/;

function unwrap(type: string): string {
  const m = /^(?:Nullable|LowCardinality)\((.*)\)$/.exec(type);
  return m ? unwrap(m[1]) : type;
}

/** Per column: 'pass' (text kept), 'string' (kept unless it holds a \u00XX escape), 'convert'. */
export type CellMode = 'pass' | 'string' | 'convert';

export function cellModes(types: string[]): CellMode[] {
  return types.map((t) => {
    const inner = unwrap(t);
    if (STRINGISH.test(inner)) return 'string';
    return PASS_THROUGH.test(inner) ? 'pass' : 'convert';
  });
}

/** End (exclusive) of the JSON string starting at `start` (a `"`). */
function stringEnd(line: string, start: number): number {
  let j = start;
  for (;;) {
    j = line.indexOf('"', j + 1);
    if (j < 0) return line.length;
    let backslashes = 0;
    for (let k = j - 1; line.charCodeAt(k) === 92; k--) backslashes++;
    if (backslashes % 2 === 0) return j + 1;
  }
}

/** The top-level cell texts of one `[a,b,…]` line. */
export function splitCells(line: string): string[] {
  const cells: string[] = [];
  let depth = 0;
  let start = 1;
  for (let i = 1; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 34) i = stringEnd(line, i) - 1;
    else if (c === 91 || c === 123) depth++;
    else if ((c === 93 || c === 125) && depth > 0) depth--;
    else if ((c === 44 || c === 93) && depth === 0) {
      cells.push(line.slice(start, i).trim());
      start = i + 1;
    }
  }
  return cells;
}

/** JSON text of one engine row line, as `writeJsonValue(convertRow(JSON.parse(line)))` gives it. */
export function rowText(line: string, modes: CellMode[], parsed: ParsedTypes): string {
  const cells = splitCells(line);
  for (let i = 0; i < cells.length; i++) {
    const mode = modes[i];
    if (mode === 'pass' || (mode === 'string' && !cells[i].includes('\\u00'))) continue;
    cells[i] = writeJsonValue(convertCell(JSON.parse(cells[i]), parsed[i]));
  }
  return `[${cells.join(',')}]`;
}
