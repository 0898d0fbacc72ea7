// A result's short strings, kept out of V8's string table (issue #21's scroll row). JSON.parse
// internalizes every string value of up to 10 characters (V8's kMaxInternalizedStringValueLength),
// and a major GC's pause walks the whole string table to update the pointers into it (V8's
// MC_EVACUATE_UPDATE_POINTERS_TO_NEW_ROOTS). A 100k × 20 result put ~600k of its cells there: the
// pause of the major GC that lands in a scroll was 28-35 ms of CPU, 10-15 ms with these cells
// replaced by equal strings of their own (measured in the webview, 2026-12-06; one copy per distinct
// value of a batch, and the JS heap measured 2-4 MB smaller). Pure, unit-tested
// (test/unit/results/stringTable.test.ts).
import type { Cell } from '../../src/results/protocol';

/** The longest string value JSON.parse internalizes (measured: 10 yes, 11 no). */
const INTERNALIZED_MAX = 10;

/**
 * Replaces, in place, each top-level string cell of `rows` that JSON.parse would have internalized
 * with an equal string in no table. (A one-character string stays: V8 shares those anyway.)
 */
export function ownStrings(rows: Cell[][]): void {
  // one copy per distinct value of the batch: a repeated value (an event name, a country) shares it
  const copies = new Map<string, string>();
  for (const row of rows) {
    for (let i = 0; i < row.length; i++) {
      const v = row[i];
      if (typeof v !== 'string' || v.length < 2 || v.length > INTERNALIZED_MAX) continue;
      let copy = copies.get(v);
      if (copy === undefined) {
        // a concatenation and a slice shorter than V8's cons/sliced minimum (13) are flat copies
        copy = ` ${v}`.slice(1);
        copies.set(v, copy);
      }
      row[i] = copy;
    }
  }
}
