/**
 * Keyword lookup for the lexer, without building a string per word: the scanner hashes a word's
 * characters case-folded as it reads them (`foldHash`), and `keywordAt` finds the keyword with that
 * hash and compares it character by character.
 */
import { KEYWORDS } from './keywords';

const EXTRA_KEYWORDS = ['ASC', 'INFINITY', 'YYYY'];
const KEYWORD_TABLE_SIZE = 1024;
let keywordTable: Int32Array | undefined;
let keywordList: string[] = [];
let longestKeyword = 0;

/** One more character into a word's hash, case-folded (`c | 32`: letters to lowercase; digits, `_` and `$` stay distinct). */
export function foldHash(h: number, c: number): number {
  return (Math.imul(h, 31) + (c | 32)) | 0;
}

function buildKeywordTable(): Int32Array {
  keywordList = [...new Set([...KEYWORDS, ...EXTRA_KEYWORDS])];
  const table = new Int32Array(KEYWORD_TABLE_SIZE).fill(-1);
  keywordList.forEach((kw, i) => {
    let h = 0;
    for (let k = 0; k < kw.length; k++) h = foldHash(h, kw.charCodeAt(k));
    let slot = h & (KEYWORD_TABLE_SIZE - 1);
    while (table[slot] >= 0) slot = (slot + 1) & (KEYWORD_TABLE_SIZE - 1);
    table[slot] = i;
    longestKeyword = Math.max(longestKeyword, kw.length);
  });
  return table;
}

function sameFolded(src: string, start: number, end: number, kw: string): boolean {
  if (kw.length !== end - start) return false;
  for (let k = 0; k < kw.length; k++) if ((src.charCodeAt(start + k) | 32) !== (kw.charCodeAt(k) | 32)) return false;
  return true;
}

/** The keyword (uppercase) spelled by `src[start, end)`, whose folded hash is `h`, or undefined. */
export function keywordAt(src: string, start: number, end: number, h: number): string | undefined {
  const table = (keywordTable ??= buildKeywordTable());
  if (end - start > longestKeyword) return undefined;
  for (let slot = h & (KEYWORD_TABLE_SIZE - 1); table[slot] >= 0; slot = (slot + 1) & (KEYWORD_TABLE_SIZE - 1)) {
    const kw = keywordList[table[slot]];
    if (sameFolded(src, start, end, kw)) return kw;
  }
  return undefined;
}
