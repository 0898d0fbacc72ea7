/**
 * Python's `difflib.get_close_matches(word, possibilities, n, cutoff=0.6)`, which PostHog uses
 * for "Perhaps you meant …" suggestions (printer `visit_call`). Ratcliff/Obershelp ratio with
 * Python's tie-breaking (highest score, then the larger string).
 */

function longestMatch(a: string, b: string, alo: number, ahi: number, blo: number, bhi: number): [number, number, number] {
  let besti = alo;
  let bestj = blo;
  let bestsize = 0;
  let prev = new Map<number, number>();
  for (let i = alo; i < ahi; i++) {
    const next = new Map<number, number>();
    for (let j = blo; j < bhi; j++) {
      if (a[i] !== b[j]) continue;
      const k = (prev.get(j - 1) ?? 0) + 1;
      next.set(j, k);
      if (k > bestsize) {
        besti = i - k + 1;
        bestj = j - k + 1;
        bestsize = k;
      }
    }
    prev = next;
  }
  return [besti, bestj, bestsize];
}

function matchingCharacters(a: string, b: string): number {
  let total = 0;
  const queue: [number, number, number, number][] = [[0, a.length, 0, b.length]];
  while (queue.length > 0) {
    const [alo, ahi, blo, bhi] = queue.pop() as [number, number, number, number];
    const [i, j, k] = longestMatch(a, b, alo, ahi, blo, bhi);
    if (k === 0) continue;
    total += k;
    if (alo < i && blo < j) queue.push([alo, i, blo, j]);
    if (i + k < ahi && j + k < bhi) queue.push([i + k, ahi, j + k, bhi]);
  }
  return total;
}

export function ratio(a: string, b: string): number {
  const length = a.length + b.length;
  return length === 0 ? 1 : (2 * matchingCharacters(a, b)) / length;
}

export function getCloseMatches(word: string, possibilities: Iterable<string>, n = 3, cutoff = 0.6): string[] {
  const scored: [number, string][] = [];
  for (const candidate of possibilities) {
    if (Math.min(candidate.length, word.length) * 2 < cutoff * (candidate.length + word.length)) continue;
    const score = ratio(candidate, word);
    if (score >= cutoff) scored.push([score, candidate]);
  }
  scored.sort((x, y) => (y[0] !== x[0] ? y[0] - x[0] : x[1] < y[1] ? 1 : x[1] > y[1] ? -1 : 0));
  return scored.slice(0, n).map(([, candidate]) => candidate);
}
