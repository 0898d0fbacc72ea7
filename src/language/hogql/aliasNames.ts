/**
 * What to offer after `AS`: a name for a select alias derived from its expression
 * (`properties.$browser AS browser`, `count() AS count`), a short alias for a table
 * (`events AS e`), or ClickHouse type names inside `CAST(x AS …)`.
 */
import type { Token } from './lexer';

/** Type names accepted by `CAST(x AS T)` / `::T` (ClickHouse data types HogQL passes through). */
export const CAST_TYPES = [
  'String', 'Int8', 'Int16', 'Int32', 'Int64', 'Int128', 'Int256', 'UInt8', 'UInt16', 'UInt32', 'UInt64', 'UInt128', 'UInt256',
  'Float32', 'Float64', 'Decimal', 'Decimal32', 'Decimal64', 'Decimal128', 'Bool', 'Date', 'Date32', 'DateTime', 'DateTime64',
  'UUID', 'Array', 'Tuple', 'Map', 'Nullable', 'LowCardinality', 'JSON', 'IPv4', 'IPv6', 'FixedString', 'Enum8', 'Enum16',
];

/** Tokens that end the expression (or table) an `AS` names, scanning backwards at depth 0. */
const STOPS = new Set(['SELECT', 'DISTINCT', 'FROM', 'JOIN', 'WITH', 'BY', 'WHERE', 'PREWHERE', 'HAVING', 'ON', 'USING', 'ARRAY']);

/** Where the expression before `AS` at `asIdx` starts, and the token that precedes it. */
function expressionBefore(tokens: readonly Token[], asIdx: number, from: number): { start: number; stop: Token | undefined } {
  let depth = 0;
  for (let i = asIdx - 1; i >= from; i--) {
    const t = tokens[i];
    if (t.text === ')' || t.text === ']') depth++;
    else if (t.text === '(' || t.text === '[') {
      if (depth === 0) return { start: i + 1, stop: t };
      depth--;
    } else if (depth === 0 && (t.text === ',' || (t.keyword && STOPS.has(t.keyword)))) return { start: i + 1, stop: t };
  }
  return { start: from, stop: undefined };
}

/** `session_replay_events` → `sre`, `events` → `e`. */
function tableAlias(name: string): string {
  const words = name.split(/[._]/).filter(Boolean);
  return words.map((w) => w[0].toLowerCase()).join('') || 't';
}

/** `$browser` → `browser`, `$current_url` → `current_url`; a name that is usable as is. */
function cleanName(name: string): string {
  const clean = name.replace(/^\$+/, '').replace(/[^A-Za-z0-9_]+/g, '_').replace(/^_+|_+$/g, '');
  return /^[0-9]/.test(clean) ? `_${clean}` : clean;
}

/** Names derived from the expression tokens `[start, end)`. */
function namesFor(tokens: readonly Token[], start: number, end: number): string[] {
  const last = tokens[end - 1];
  if (!last) return [];
  if (last.kind === 'ident' || last.kind === 'quotedIdent') return [cleanName(last.value ?? last.text)].filter(Boolean);
  if (last.text === ']' && tokens[end - 2]?.kind === 'string') return [cleanName(tokens[end - 2].value ?? tokens[end - 2].text.slice(1, -1))].filter(Boolean);
  if (last.text === ')') {
    const fn = tokens.slice(start, end).find((t) => t.kind === 'ident');
    if (fn && tokens[tokens.indexOf(fn) + 1]?.text === '(') return [cleanName(fn.text)];
  }
  return [];
}

/**
 * Names to offer after the `AS` at `asIdx`; undefined when nothing fits (a CTE name,
 * a position we do not understand), so completion stays silent.
 */
export function aliasNamesAfter(tokens: readonly Token[], asIdx: number, from: number): string[] | undefined {
  const { start, stop } = expressionBefore(tokens, asIdx, from);
  if (start >= asIdx) return undefined;
  if (stop?.keyword === 'FROM' || stop?.keyword === 'JOIN') {
    const parts = tokens.slice(start, asIdx);
    if (parts.length === 0 || parts.some((t) => t.kind !== 'ident' && t.text !== '.')) return undefined;
    return [tableAlias(parts[parts.length - 1].text)];
  }
  if (stop?.keyword === 'WITH') return undefined;
  const names = namesFor(tokens, start, asIdx);
  return names.length > 0 ? names : undefined;
}
