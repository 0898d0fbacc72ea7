/**
 * Whether a JSON integer literal's value is a safe JS integer, decided by its digits without making
 * the number (issue #21). The one rule for "this integer stays a number, that one is kept exact":
 * src/api/json.ts reads an unsafe one as a `bigint`, src/results/wireText.ts quotes its digits, and
 * the two must agree. Imports nothing (src/api/ and src/results/ both import it).
 */

/** The largest safe integer's digits: a 16-digit integer above them, or any longer one, is not safe. */
const MAX_SAFE_DIGITS = String(Number.MAX_SAFE_INTEGER);

/**
 * Whether the integer literal `t.slice(start, end)` (an optional `-`, then decimal digits) is a safe
 * integer, |v| ≤ 2^53 − 1: then `Number` of it is exact, and so is every integer next to it. Not the
 * same as "exactly representable as a double": 2^53 and −2^63 are, yet they are not safe (their
 * neighbours are not), and are kept exact. Leading zeros are skipped (JSON allows none; a value is a value).
 */
export function isSafeIntegerLiteral(t: string, start = 0, end = t.length): boolean {
  let i = t.charCodeAt(start) === 45 ? start + 1 : start;
  while (i < end - 1 && t.charCodeAt(i) === 48) i++;
  const digits = end - i;
  // strings of equal length compare as the numbers they spell
  return digits < 16 || (digits === 16 && t.slice(i, end) <= MAX_SAFE_DIGITS);
}
