// Frozen copy of src/codeIntel/scan/args.ts as of commit b83e68f (before the speed work): the oracle of
// scanDifferential.test.ts (the scanner must keep giving exactly these results). Do not edit.

/**
 * Argument lists and literal objects over the scanner's tokens: split at top-level commas, each
 * item positional or keyed (`key: v` in JS/Go/Ruby objects, `key=v` Python keywords,
 * `'key': v` dicts, `:key => v` / `'key' => v` Ruby hashes, `{ key }` JS shorthand).
 */
import { K, type Tok } from './lexer';
import type { StrLit } from '../../../../src/codeIntel/scan/types';

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

const OPEN = new Set(['(', '[', '{']);
const CLOSE = new Set([')', ']', '}']);
/** A call's arguments end within this many tokens (an unclosed call while typing stops here). */
const MAX_TOKENS = 4_000;

function keyed(toks: Tok[], a: number, b: number): Item {
  const t0 = toks[a];
  const t1 = toks[a + 1];
  const t2 = toks[a + 2];
  const p = (t: Tok | undefined, v: string): boolean => !!t && t.k === K.Punct && t.v === v;
  const name = (t: Tok | undefined): string | undefined => (!t ? undefined : t.k === K.Ident ? t.v : t.k === K.Str ? t.str!.value : undefined);
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
  const flush = (end: number): void => {
    if (end <= start) return;
    const item = keyed(toks, start, end);
    // a lone identifier is positional in a call, shorthand only in an object literal
    items.push(!positionalShorthand && item.from === start && item.key !== undefined ? { from: start, to: end } : item);
  };
  for (; i < limit; i++) {
    const t = toks[i];
    if (t.k !== K.Punct) continue;
    if (OPEN.has(t.v)) depth++;
    else if (CLOSE.has(t.v)) {
      if (depth === 0) break;
      depth--;
    } else if (t.v === ',' && depth === 0) {
      flush(i);
      start = i + 1;
    }
  }
  flush(i);
  return { items, close: i };
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
