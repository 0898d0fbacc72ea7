/**
 * "Did you mean …?" helpers: a bounded Levenshtein distance and a closest-name picker.
 */

/** Levenshtein distance of `a` and `b`, or `max + 1` as soon as it must exceed `max`. */
/** The two rows of `editDistance`, reused (every unknown name is compared with every candidate). */
let rowA = new Int32Array(64);
let rowB = new Int32Array(64);

export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (rowA.length <= b.length) [rowA, rowB] = [new Int32Array(b.length + 1), new Int32Array(b.length + 1)];
  let prev = rowA;
  let cur = rowB;
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = cur[0];
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const cost = ca === b.charCodeAt(j - 1) ? 0 : 1;
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (cur[j] < rowMin) rowMin = cur[j];
    }
    if (rowMin > max) return max + 1;
    const done = prev;
    prev = cur;
    cur = done;
  }
  return prev[b.length];
}

/** Largest distance we accept as a typo for a word of this length. */
export function typoBudget(length: number): number {
  return length <= 3 ? 1 : length <= 7 ? 2 : 3;
}

/**
 * The candidate closest to `word` (case-insensitive), if within the typo budget.
 * Ties go to the earlier candidate.
 */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  const w = word.toLowerCase();
  const budget = typoBudget(w.length);
  let best: string | undefined;
  let bestDist = budget + 1;
  for (const c of candidates) {
    const d = editDistance(w, c.toLowerCase(), bestDist - 1 < 0 ? 0 : Math.min(budget, bestDist - 1));
    if (d < bestDist) {
      best = c;
      bestDist = d;
      if (d === 0) break;
    }
  }
  return bestDist <= budget ? best : undefined;
}

/** ` Did you mean \`x\`?` or an empty string. */
export function didYouMean(word: string, candidates: Iterable<string>): string {
  return suggestion(word, candidates).hint;
}

/** The closest other name as a hint for the message and a fix (replacement text) for a quick fix. */
export function suggestion(word: string, candidates: Iterable<string>): { hint: string; fix?: string } {
  const c = closest(word, candidates);
  return c !== undefined && c !== word ? { hint: ` Did you mean \`${c}\`?`, fix: c } : { hint: '' };
}
