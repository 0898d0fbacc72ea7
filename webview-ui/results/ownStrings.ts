// A result's short strings, kept out of V8's string table (issue #21's scroll row). JSON.parse
// internalizes every string value of up to 10 characters (V8's kMaxInternalizedStringValueLength),
// and a major GC's pause walks the whole string table to update the pointers into it (V8's
// MC_EVACUATE_UPDATE_POINTERS_TO_NEW_ROOTS). A 100k × 20 result put ~600k of its cells there: the
// pause of the major GC that lands in a scroll was 28-35 ms of CPU, 10-15 ms with these cells
// replaced by equal strings of their own (measured in the webview, 2026-12-06; one copy per distinct
// value of a batch, and the JS heap measured 2-4 MB smaller). The values inside a cell's JSON (a
// Map's or an Array's, e.g. PostHog's `properties`) are replaced too, down to NESTED_MAX levels: the
// generated 100k × 20 result still left ~100k of them in the table. The column store
// (columnStore.ts) copies each distinct string of a column once through `ownCopy` and a nested
// cell's strings through `ownNestedValue`. Pure, unit-tested (test/unit/results/stringTable.test.ts).
import type { Cell } from '../../src/results/protocol';

/** The longest string value JSON.parse internalizes (measured: 10 yes, 11 no). */
const INTERNALIZED_MAX = 10;
/** How deep into a cell's JSON strings are replaced (deeper ones stay as they are: no recursion limit is reached). */
const NESTED_MAX = 16;

/**
 * `v`, or for a string JSON.parse would have internalized an equal string in no table. (A
 * one-character string stays: V8 shares those anyway.)
 */
export function ownCopy(v: string): string {
  // a concatenation and a slice shorter than V8's cons/sliced minimum (13) are flat copies
  return v.length >= 2 && v.length <= INTERNALIZED_MAX ? ` ${v}`.slice(1) : v;
}

/**
 * A nested cell (an array or object) with its short strings replaced in place, down to NESTED_MAX
 * levels; one copy per distinct value in `copies` (a repeated value, an event name or a country,
 * shares it).
 */
export function ownNestedValue(x: Cell, copies: Map<string, string>): Cell {
  return ownValue(x, copies, 0);
}

/** The same inside a cell's arrays and objects, in place. */
function ownNested(v: Cell[] | { [key: string]: Cell }, copies: Map<string, string>, depth: number): void {
  if (depth > NESTED_MAX) return;
  if (Array.isArray(v)) for (let i = 0; i < v.length; i++) v[i] = ownValue(v[i], copies, depth);
  else for (const k in v) v[k] = ownValue(v[k], copies, depth);
}

/** `x` with its own string (or, for an array or object at `depth`, its strings replaced in place). */
function ownValue(x: Cell, copies: Map<string, string>, depth: number): Cell {
  if (typeof x === 'string') return x.length >= 2 && x.length <= INTERNALIZED_MAX ? own(x, copies) : x;
  if (typeof x === 'object' && x !== null) ownNested(x, copies, depth + 1);
  return x;
}

function own(v: string, copies: Map<string, string>): string {
  let copy = copies.get(v);
  if (copy === undefined) {
    copy = ownCopy(v);
    copies.set(v, copy);
  }
  return copy;
}
