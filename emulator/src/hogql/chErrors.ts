/**
 * ClickHouse errors → what PostHog's query API answers, after `wrap_clickhouse_query_error` and
 * `CLICKHOUSE_ERROR_CODE_LOOKUP` (posthog/errors.py), the exception classes of posthog/exceptions.py
 * and `QueryViewSet.create` (posthog/api/query.py):
 *  - exposed errors (ExposedCHQueryError) → 400 ValidationError(str(e), code_name): `code` is the
 *    lower-case ClickHouse name, the detail the engine text after `DB::Exception:` (or PostHog's
 *    fixed copy where the lookup has one);
 *  - infrastructure errors → their own APIException (timeout 504, memory 513, capacity 503,
 *    estimated time 512, query size 500);
 *  - everything else (InternalCHQueryError, e.g. ILLEGAL_PREWHERE, UNKNOWN_IDENTIFIER) → 500
 *    "ClickHouse error while executing query.".
 * Beyond PostHog, the exposed text loses what only this engine would show: the generated SQL
 * after ": In scope" / ": while executing", `__tableN.` prefixes, table UUIDs, the `(CODE)` and
 * `(version …)` tails.
 */
import { HogQLError, HogQLServerError, HogQLTimeoutError } from './errors';

/** Codes PostHog exposes: `true` = the engine text, a string = PostHog's fixed copy. */
const USER_SAFE: Record<number, [string, true | string]> = {
  6: ['CANNOT_PARSE_TEXT', 'Cannot parse a value as the requested type. Check your input formats and type conversions.'],
  34: ['TOO_MANY_ARGUMENTS_FOR_FUNCTION', true],
  35: ['TOO_FEW_ARGUMENTS_FOR_FUNCTION', true],
  36: ['BAD_ARGUMENTS', true],
  38: ['CANNOT_PARSE_DATE', 'Cannot parse a date. Check your date values and their format.'],
  41: ['CANNOT_PARSE_DATETIME', 'Cannot parse a date and time. Check your datetime values and their format.'],
  42: ['NUMBER_OF_ARGUMENTS_DOESNT_MATCH', true],
  43: ['ILLEGAL_TYPE_OF_ARGUMENT', true],
  44: ['ILLEGAL_COLUMN', true],
  46: ['UNKNOWN_FUNCTION', true],
  50: ['UNKNOWN_TYPE', true],
  53: ['TYPE_MISMATCH', true],
  59: ['ILLEGAL_TYPE_OF_COLUMN_FOR_FILTER', true],
  60: ['UNKNOWN_TABLE', true],
  63: ['UNKNOWN_AGGREGATE_FUNCTION', true],
  69: ['ARGUMENT_OUT_OF_BOUND', 'An argument is out of bounds.'],
  70: ['CANNOT_CONVERT_TYPE', 'Cannot convert one type to another in the query. Check the types in your comparisons and IN clauses.'],
  72: ['CANNOT_PARSE_NUMBER', 'Cannot parse a number. Check for non-numeric values in your type conversions.'],
  80: ['INCORRECT_QUERY', true],
  121: ['UNSUPPORTED_JOIN_KEYS', 'Unsupported JOIN keys. Check the expressions and types used to join your tables.'],
  122: ['INCOMPATIBLE_COLUMNS', true],
  125: ['INCORRECT_RESULT_OF_SCALAR_SUBQUERY', 'A scalar subquery returned more than one row, or an empty result that cannot be nullable. Make sure the subquery returns a single value.'],
  128: ['TOO_LARGE_ARRAY_SIZE', 'An array has an invalid or unsupported size. Check array lengths and reduce the number of elements.'],
  130: ['CANNOT_READ_ARRAY_FROM_TEXT', 'Cannot parse an array. Check the format of the values converted to arrays.'],
  135: ['ZERO_ARRAY_OR_TUPLE_INDEX', true],
  153: ['ILLEGAL_DIVISION', true],
  174: ['CYCLIC_ALIASES', true],
  184: ['ILLEGAL_AGGREGATION', true],
  190: ['SIZES_OF_ARRAYS_DONT_MATCH', 'Array sizes do not match. Make sure arrays used together have the same number of elements.'],
  207: ['AMBIGUOUS_IDENTIFIER', true],
  211: ['EMPTY_QUERY', true],
  215: ['NOT_AN_AGGREGATE', true],
  258: ['UNION_ALL_RESULT_STRUCTURES_MISMATCH', 'Mismatched number of columns in UNION ALL.'],
  264: ['INCOMPATIBLE_TYPE_OF_JOIN', true],
  307: ['TOO_MANY_BYTES', true],
  321: ['VALUE_IS_OUT_OF_RANGE_OF_DATA_TYPE', true],
  349: ['CANNOT_INSERT_NULL_IN_ORDINARY_COLUMN', true],
  352: ['AMBIGUOUS_COLUMN_NAME', true],
  353: ['INDEX_OF_POSITIONAL_ARGUMENT_IS_OUT_OF_RANGE', true],
  376: ['CANNOT_PARSE_UUID', 'Cannot parse a UUID. Check the format of the values converted to UUIDs.'],
  377: ['ILLEGAL_SYNTAX_FOR_DATA_TYPE', true],
  386: ['NO_COMMON_TYPE', true],
  395: ['FUNCTION_THROW_IF_VALUE_IS_NON_ZERO', true],
  403: ['INVALID_JOIN_ON_EXPRESSION', 'Invalid JOIN ON expression. Check that the condition uses supported comparisons between the joined tables.'],
  407: ['DECIMAL_OVERFLOW', 'Decimal overflow while executing query.'],
  427: ['CANNOT_COMPILE_REGEXP', 'Cannot compile the regular expression. Check RE2 syntax, escaping, and the number of capturing groups.'],
  440: ['INVALID_LIMIT_EXPRESSION', 'Invalid LIMIT or OFFSET expression. Use a constant number in the supported range.'],
  467: ['CANNOT_PARSE_BOOL', 'Cannot parse a boolean. Check for values other than true, false, 1, or 0.'],
  476: ['WITH_TIES_WITHOUT_ORDER_BY', true],
  675: ['CANNOT_PARSE_IPV4', 'Cannot parse an IPv4 address. Check the format of your IP addresses.'],
  676: ['CANNOT_PARSE_IPV6', 'Cannot parse an IPv6 address. Check the format of your IP addresses.'],
  691: ['UNKNOWN_ELEMENT_OF_ENUM', 'A value is not a member of the enum. Check the allowed values of the enum type.'],
  703: ['INVALID_IDENTIFIER', true],
};

const TIMEOUT_EXCEEDED = 159;
const TOO_SLOW = 160;
const MEMORY_LIMIT_EXCEEDED = 241;
const SYNTAX_ERROR = 62;
const AT_CAPACITY = new Set([202, 439]);

export const INTERNAL_DETAIL = 'ClickHouse error while executing query.';
const CAPACITY_DETAIL = "Queries are a little too busy right now. We're working to free up resources. Please try again later.";
const MEMORY_CODE = 'clickhouse_memory_limit_exceeded';
const QUERY_MEMORY_DETAIL =
  "This query ran out of memory before it could finish, usually because it's scanning too much data. Try a shorter date range or narrower filters, or see our docs for more ways to speed it up: https://posthog.com/docs/product-analytics/troubleshooting#how-do-i-speed-up-my-insights-and-queries";
const CLUSTER_MEMORY_DETAIL = "We're under heavy load right now and couldn't finish this query. Please try again in a few minutes.";

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

/** `str(ExposedCHQueryError)` (text after `DB::Exception:` up to `Stack trace:`), minus engine internals. */
export function exposedText(message: string): string {
  let text = message;
  const at = text.indexOf('DB::Exception:');
  if (at >= 0) text = text.slice(at + 'DB::Exception:'.length);
  const stack = text.indexOf('Stack trace:');
  if (stack >= 0) text = text.slice(0, stack);
  text = text
    .replace(/\s*\(version [^()]*(\([^()]*\))?[^()]*\)\s*$/, '')
    .replace(/\s*\([A-Z][A-Z0-9_]+\)\s*$/, '');
  const context = /:\s*(In scope |while executing |While executing |While processing |while processing )/.exec(text);
  if (context) text = text.slice(0, context.index);
  return text
    .replace(new RegExp(`\\s*\\(${UUID}\\)`, 'gi'), '')
    .replace(new RegExp(`(\\w+\\.)?\`${UUID}\``, 'gi'), 'a table')
    .replace(/\b__table\d+\./g, '')
    .trim();
}

/** The error PostHog's API answers for a ClickHouse error with this code and message. */
export function mapClickHouseError(code: number, message: string): Error {
  if (code === TIMEOUT_EXCEEDED) return new HogQLTimeoutError();
  if (AT_CAPACITY.has(code)) return new HogQLServerError(503, 'error', CAPACITY_DETAIL);
  if (code === MEMORY_LIMIT_EXCEEDED) {
    const perQuery = message.includes('(for query)') || message.includes('Query memory limit exceeded');
    return new HogQLServerError(513, MEMORY_CODE, perQuery ? QUERY_MEMORY_DETAIL : CLUSTER_MEMORY_DETAIL);
  }
  if (code === SYNTAX_ERROR && message.includes('query size exceeded')) return new HogQLServerError(500, 'error', 'Query size exceeded.');
  if (code === TOO_SLOW) {
    const estimate = /Estimated query execution time \(.* seconds\) is too long\./.exec(message)?.[0] ?? 'Estimated query execution time is too long';
    return new HogQLServerError(512, 'error', `${estimate} Try reducing its scope by changing the time range.`);
  }
  const safe = USER_SAFE[code];
  if (!safe) return new HogQLServerError(500, 'error', INTERNAL_DETAIL);
  const [name, copy] = safe;
  return new HogQLError(name.toLowerCase(), copy === true ? exposedText(message) : copy);
}
