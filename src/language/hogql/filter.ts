/**
 * Fast filtering of large name lists (event names, property keys) for completion.
 * Build a NameIndex once per list; each query is a binary search for prefix
 * matches plus, when needed, one linear pass for subsequence ("fuzzy") matches.
 * Matching ignores case and a leading `$` (`br` finds `$browser`).
 */

export interface FilterOptions {
  /** Maximum number of results (default 200). */
  limit?: number;
  /** Also return subsequence matches after the prefix matches (default true). */
  fuzzy?: boolean;
}

interface Entry {
  key: string;
  name: string;
}

function normalize(name: string): string {
  const lower = name.toLowerCase();
  return lower.startsWith('$') ? lower.slice(1) : lower;
}

function lowerBound(entries: readonly Entry[], key: string): number {
  let lo = 0;
  let hi = entries.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (entries[mid].key < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Score of a subsequence match (lower is better) or -1 when `query` is not a subsequence of `key`. */
export function subsequenceScore(key: string, query: string): number {
  let k = 0;
  let gaps = 0;
  let last = -1;
  for (let q = 0; q < query.length; q++) {
    const c = query.charCodeAt(q);
    while (k < key.length && key.charCodeAt(k) !== c) k++;
    if (k === key.length) return -1;
    if (last >= 0 && k !== last + 1) gaps++;
    last = k++;
  }
  return gaps * 100 + key.length;
}

export class NameIndex {
  private readonly byKey: Entry[];

  constructor(names: Iterable<string>) {
    const seen = new Set<string>();
    const entries: Entry[] = [];
    for (const name of names) {
      if (seen.has(name)) continue;
      seen.add(name);
      entries.push({ key: normalize(name), name });
    }
    entries.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.name < b.name ? -1 : 1));
    this.byKey = entries;
  }

  get size(): number {
    return this.byKey.length;
  }

  /** Names matching `query`: prefix matches (sorted) first, then subsequence matches by score. */
  filter(query: string, opts: FilterOptions = {}): string[] {
    const limit = opts.limit ?? 200;
    const q = normalize(query);
    const out: string[] = [];
    const taken = new Set<string>();
    for (let i = lowerBound(this.byKey, q); i < this.byKey.length && out.length < limit; i++) {
      const e = this.byKey[i];
      if (!e.key.startsWith(q)) break;
      out.push(e.name);
      taken.add(e.name);
    }
    if (out.length >= limit || opts.fuzzy === false || q.length === 0) return out;
    const scored: { name: string; score: number }[] = [];
    for (const e of this.byKey) {
      if (taken.has(e.name)) continue;
      const score = subsequenceScore(e.key, q);
      if (score >= 0) scored.push({ name: e.name, score });
    }
    scored.sort((a, b) => a.score - b.score || (a.name < b.name ? -1 : 1));
    for (const s of scored) {
      if (out.length >= limit) break;
      out.push(s.name);
    }
    return out;
  }
}
