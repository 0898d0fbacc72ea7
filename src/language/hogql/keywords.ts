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
