/**
 * Escaping of identifiers and literals, after PostHog's `posthog/hogql/escape_sql.py`:
 * HogQL identifiers print bare when they match `^[A-Za-z_$][A-Za-z0-9_$]*$`, otherwise in
 * backticks; `%` is refused in identifiers (it would collide with `%(hogql_val_N)s` value
 * placeholders). In ClickHouse SQL the emulator always backtick-quotes identifiers.
 */
import { HogQLError } from './errors';

const SAFE_IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

const STRING_ESCAPES: Record<string, string> = {
  '\b': '\\b',
  '\f': '\\f',
  '\r': '\\r',
  '\n': '\\n',
  '\t': '\\t',
  '\0': '\\0',
  '\x07': '\\a',
  '\v': '\\v',
  '\\': '\\\\',
  "'": "\\'",
};

function escapeBody(value: string, quote: string): string {
  let out = '';
  for (const ch of value) {
    if (ch === quote) out += '\\' + quote;
    else out += STRING_ESCAPES[ch] ?? ch;
  }
  return out;
}

function checkIdentifier(name: string): void {
  if (name.includes('%')) {
    throw new HogQLError(
      'hogql_query_error',
      `The HogQL identifier "${name}" is not permitted as it contains the "%" character`,
    );
  }
}

export function escapeHogQLIdentifier(name: string | number): string {
  if (typeof name === 'number') return String(name);
  checkIdentifier(name);
  if (SAFE_IDENTIFIER.test(name)) return name;
  return '`' + escapeBody(name, '`') + '`';
}

export function escapeClickHouseIdentifier(name: string): string {
  checkIdentifier(name);
  return '`' + escapeBody(name, '`') + '`';
}

/** A single-quoted string literal, valid in both HogQL and ClickHouse. */
export function escapeString(value: string): string {
  return "'" + escapeBody(value, "'") + "'";
}
