/**
 * Argument lists and literal objects over the scanner's tokens: split at top-level commas, each
 * item positional or keyed (`key: v` in JS/Go/Ruby objects, `key=v` Python keywords,
 * `'key': v` dicts, `:key => v` / `'key' => v` Ruby hashes, `{ key }` JS shorthand).
 */
import { K, type Tok } from './lexer';
import type { StrLit } from './types';

export interface Item {
  key?: string;
  keyTok?: Tok;
  /** Token indexes of the value: [from, to). */
  from: number;
  to: number;
}

export interface Group {
  items: Item[];
  /** Index of the closing token, or the index where reading stopped. */
  close: number;
}

/** A call's arguments end within this many tokens (an unclosed call while typing stops here). */
const MAX_TOKENS = 4_000;

// Module-level helpers, not closures per call: the release build keeps function names
// (esbuild keepNames), which wraps every closure it creates in a naming call.
function p(t: Tok | undefined, v: string): boolean {
  return !!t && t.k === K.Punct && t.v === v;
}

function name(t: Tok | undefined): string | undefined {
  return !t ? undefined : t.k === K.Ident ? t.v : t.k === K.Str ? t.str!.value : undefined;
}

function keyed(toks: Tok[], a: number, b: number): Item {
  const t0 = toks[a];
  const t1 = toks[a + 1];
  const t2 = toks[a + 2];
  if (t0 && name(t0) !== undefined) {
    // key: value (not Ruby's `::`); Python key=value (not `==`); 'key' => value
    if (p(t1, ':') && !p(t2, ':')) return { key: name(t0)!, keyTok: t0, from: a + 2, to: b };
    if (t0.k === K.Ident && p(t1, '=') && !p(t2, '=') && !p(t2, '>')) return { key: t0.v, keyTok: t0, from: a + 2, to: b };
    if (p(t1, '=') && p(t2, '>')) return { key: name(t0)!, keyTok: t0, from: a + 3, to: b };
    if (t0.k === K.Ident && b - a === 1) return { key: t0.v, keyTok: t0, from: a, to: b };
  }
  // Ruby :key => value
  if (p(t0, ':') && t1?.k === K.Ident && p(t2, '=') && p(toks[a + 3], '>')) return { key: t1.v, keyTok: t1, from: a + 4, to: b };
  return { from: a, to: b };
}

/** The items between `toks[open]` (an opening bracket) and its closing one. */
export function group(toks: Tok[], open: number, positionalShorthand = false): Group {
  const items: Item[] = [];
  let depth = 0;
  let start = open + 1;
  const limit = Math.min(toks.length, open + MAX_TOKENS);
  let i = open + 1;
  for (; i < limit; i++) {
    const t = toks[i];
    if (t.k !== K.Punct) continue;
    const v = t.v;
    if (v === '(' || v === '[' || v === '{') depth++;
    else if (v === ')' || v === ']' || v === '}') {
      if (depth === 0) break;
      depth--;
    } else if (v === ',' && depth === 0) {
      flush(toks, items, start, i, positionalShorthand);
      start = i + 1;
    }
  }
  flush(toks, items, start, i, positionalShorthand);
  return { items, close: i };
}

/** Ruby words that end a call written without parentheses (`if posthog.is_feature_enabled 'f', id then`). */
const RUBY_STOPS = new Set(['do', 'then', 'if', 'unless', 'and', 'or', 'while', 'until', 'rescue', 'end']);

function newlineBetween(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 10) return true;
  return false;
}

/**
 * Ruby's call without parentheses (`posthog.is_feature_enabled 'f', user.id`): its arguments from
 * `toks[from]` to the end of the line (a line ending in `,` or inside brackets goes on), a closing
 * bracket, `;` or a word such as `then`/`do`/`if`. `close` is the last argument token's index.
 */
export function lineGroup(toks: Tok[], from: number, text: string): Group {
  const items: Item[] = [];
  let depth = 0;
  let start = from;
  const limit = Math.min(toks.length, from + MAX_TOKENS);
  let i = from;
  for (; i < limit; i++) {
    const t = toks[i];
    if (depth === 0 && i > from && !p(toks[i - 1], ',') && newlineBetween(text, toks[i - 1].e, t.s)) break;
    if (t.k === K.Ident && depth === 0 && RUBY_STOPS.has(t.v)) break;
    if (t.k !== K.Punct) continue;
    const v = t.v;
    if (v === '(' || v === '[' || v === '{') depth++;
    else if (v === ')' || v === ']' || v === '}') {
      if (depth === 0) break;
      depth--;
    } else if (v === ';' && depth === 0) break;
    else if (v === ',' && depth === 0) {
      flush(toks, items, start, i, false);
      start = i + 1;
    }
  }
  flush(toks, items, start, i, false);
  return { items, close: i - 1 };
}

function flush(toks: Tok[], items: Item[], start: number, end: number, positionalShorthand: boolean): void {
  if (end <= start) return;
  const item = keyed(toks, start, end);
  // a lone identifier is positional in a call, shorthand only in an object literal
  items.push(!positionalShorthand && item.from === start && item.key !== undefined ? { from: start, to: end } : item);
}

/** The value's string literal when the value is exactly one string token. */
export function strOf(toks: Tok[], item: Item | undefined): StrLit | undefined {
  if (!item || item.to <= item.from) return undefined;
  const t = toks[item.from];
  // a template's substitutions are tokens of their own, inside the template's range
  return t.k === K.Str && toks[item.to - 1].e <= t.e ? t.str : undefined;
}

/** The first `{` of a value (`{…}`, Go's `posthog.Capture{…}`, Python `dict` literal), at its top level. */
export function braceOf(toks: Tok[], item: Item | undefined): number | undefined {
  if (!item) return undefined;
  for (let i = item.from; i < item.to; i++) {
    const t = toks[i];
    if (t.k === K.Punct && t.v === '{') return i;
    if (t.k === K.Punct && (t.v === '(' || t.v === '[')) return undefined;
  }
  return undefined;
}

export const positional = (g: Group): Item[] => g.items.filter((x) => x.key === undefined);
export const named = (g: Group, names: ReadonlySet<string> | string): Item | undefined =>
  g.items.find((x) => x.key !== undefined && (typeof names === 'string' ? x.key === names : names.has(x.key)));
