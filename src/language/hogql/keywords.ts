/**
 * HogQL's keywords (uppercase), the same list as `vocabulary.json`'s `keywords` (a unit test keeps
 * them equal). The lexer needs only these, so it imports this small module instead of the whole
 * vocabulary: the extension's main bundle (statement splitting for Run Query and CodeLens) then
 * stays free of the 1,167 functions and 33 tables, which load lazily with the language features.
 */
export const KEYWORDS: readonly string[] = [
  "ALL", "AND", "ANTI", "ANY", "ARRAY", "AS", "ASCENDING", "ASOF", "BETWEEN", "BOTH", "BY", "CASE", "CAST",
  "CATCH", "COHORT", "COLLATE", "COLUMNS", "CROSS", "CUBE", "CURRENT", "DATE", "DAY", "DESC", "DESCENDING",
  "DISTINCT", "ELSE", "END", "EXCEPT", "EXCLUDE", "EXTRACT", "FILL", "FILTER", "FINAL", "FINALLY", "FIRST",
  "FN", "FOLLOWING", "FOR", "FROM", "FULL", "FUN", "GROUP", "GROUPING", "HAVING", "HOUR", "ID", "IF",
  "IGNORE", "ILIKE", "IN", "INCLUDE", "INF", "INNER", "INTERPOLATE", "INTERSECT", "INTERVAL", "IS", "JOIN",
  "KEY", "LAMBDA", "LAST", "LEADING", "LEFT", "LET", "LIKE", "LIMIT", "LOCAL", "MATERIALIZED", "MINUTE",
  "MONTH", "NAME", "NAN", "NATURAL", "NOT", "NULL", "NULLS", "OFFSET", "ON", "OR", "ORDER", "OUTER", "OVER",
  "PARTITION", "PIVOT", "POSITIONAL", "PRECEDING", "PREWHERE", "QUALIFY", "QUARTER", "RANGE", "RECURSIVE",
  "REPLACE", "RETURN", "RIGHT", "ROLLUP", "ROW", "ROWS", "SAMPLE", "SECOND", "SELECT", "SEMI", "SETS",
  "SETTINGS", "STEP", "SUBSTRING", "THEN", "THROW", "TIES", "TIME", "TIMESTAMP", "TO", "TOP", "TOTALS",
  "TRAILING", "TRIM", "TRUNCATE", "TRY", "TRY_CAST", "UNBOUNDED", "UNION", "UNPIVOT", "USING", "VALUES",
  "WEEK", "WHEN", "WHERE", "WHILE", "WINDOW", "WITH", "WITHIN", "YEAR", "ZONE",
];

/*
 * Keyword lookup for the lexer, without building a string per word: the scanner hashes a word's
 * characters case-folded as it reads them (`foldHash`), and `keywordAt` finds the keyword with that
 * hash and compares it character by character.
 */
const EXTRA_KEYWORDS = ['ASC', 'INFINITY', 'YYYY'];
const KEYWORD_TABLE_SIZE = 1024;
let keywordTable: Int32Array | undefined;
let keywordList: string[] = [];
let longestKeyword = 0;

/**
 * One more character into a word's hash, case-folded (`c | 32`: letters to lowercase; digits, `_`
 * and `$` stay distinct). Kept to 30 bits, a small integer for V8: a full 32-bit hash of a long
 * word deoptimized the lexer ("not a Smi") during a document's first lex, and its recompilation
 * competed with the main thread (issue #21). Users take the low 10 bits, the same either way.
 */
export function foldHash(h: number, c: number): number {
  return (Math.imul(h, 31) + (c | 32)) & 0x3fffffff;
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
