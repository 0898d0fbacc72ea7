// The flat-row patterns of src/api/rowStream.ts (issue #21).

/**
 * A flat row (an array of strings, numbers, `true`, `false`, `null`: what ClickHouse sends for
 * scalar columns), strictly valid JSON, where the rows array expects one: after its `[` or a `,`
 * (FIRST), or after a row (NEXT, with the `,`). Sticky, matched natively (issue #21: ~6× faster
 * than the char scan of src/api/rowStream.ts, which stays for everything else — nested rows, a row cut by the
 * chunk's end, invalid rows, the separators' errors). Strict, so that a row it matched is valid
 * JSON without being parsed (`onRowTexts`). Each char has one way to match and a failed element
 * gives back only its own chars, so a row that does not match fails in time linear in its length.
 */
const WS = '[ \\t\\n\\r]*';
const STRING = '"[^"\\\\\\x00-\\x1f]*(?:\\\\(?:["\\\\/bfnrt]|u[0-9a-fA-F]{4})[^"\\\\\\x00-\\x1f]*)*"';
const NUMBER = '-?(?:0|[1-9]\\d*)(?:\\.\\d+)?(?:[eE][+-]?\\d+)?';
const VALUE = `(?:${STRING}|${NUMBER}|true|false|null)`;
const FLAT_ROW = `(\\[${WS}(?:${VALUE}(?:${WS},${WS}${VALUE})*)?${WS}\\])`;
export const FLAT_FIRST = new RegExp(`${WS}${FLAT_ROW}`, 'y');
export const FLAT_NEXT = new RegExp(`${WS},${WS}${FLAT_ROW}`, 'y');
/** A whole text that is one flat row (a row the char scan ended: one cut by a chunk's end, mostly). */
export const FLAT_WHOLE = new RegExp(`^${FLAT_ROW}$`);
