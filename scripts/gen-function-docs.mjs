#!/usr/bin/env node
// Generates src/language/hogql/functionDocs.json: parameter names and types, return type and a docs
// page for every function of our vocabulary (src/language/hogql/vocabulary.json).
//
// Facts come from ClickHouse's own function table, `system.functions` (syntax, arguments,
// parameters, returned_value, categories) of the ClickHouse that chdb ships (the emulator's
// `chdb` package), and from PostHog's HogQL function mapping already in the vocabulary (min/max
// arguments, PostHog-only functions, the ClickHouse name a HogQL function maps to). Combinators
// (`sumIf`, `uniqMerge`) are derived from their base aggregate. Where neither source names the
// parameters, they are `arg1…` with type `any` and `"from": "arity"`.
//
// Run by hand when the vocabulary or chdb changes:  node scripts/gen-function-docs.mjs
// Output is committed; nothing reads ClickHouse at build or run time. `--check` writes nothing and
// exits 1 when the committed file differs from what the sources give now (a unit test runs it).
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'emulator', 'package.json'));
const { query } = require('chdb');
const chdbVersion = JSON.parse(readFileSync(require.resolve('chdb/package.json'), 'utf8')).version;
const vocab = JSON.parse(readFileSync(join(root, 'src/language/hogql/vocabulary.json'), 'utf8'));

const rows = JSON.parse(query(
  "SELECT name, alias_to, is_aggregate, syntax, arguments, parameters, returned_value, categories FROM system.functions FORMAT JSON", 'JSON',
)).data;
const clickhouseVersion = JSON.parse(query('SELECT version() AS v FORMAT JSON', 'JSON')).data[0].v;
const byName = new Map(rows.map((r) => [r.name, r]));
const byLower = new Map(rows.map((r) => [r.name.toLowerCase(), r]));

/** The row for a name, following `alias_to` (aliases have no syntax of their own). */
function row(name) {
  let r = byName.get(name) ?? byLower.get(name.toLowerCase());
  for (let i = 0; r && r.alias_to && i < 3; i++) r = byName.get(r.alias_to);
  return r && r.syntax ? r : undefined;
}

/** `[\`String\`](…) or [\`(U)Int*\`](…)` → `String | (U)Int*` (at most 3, then …). */
function types(md) {
  const found = [...new Set([...md.matchAll(/\[`([^`]+)`\]\([^)]*\)/g)].map((m) => m[1]))];
  if (found.length === 0) return '';
  return found.length > 3 ? `${found.slice(0, 3).join(' | ')} | …` : found.join(' | ');
}

/** `- \`x\` — text [\`T\`](…)` items of an arguments/parameters block, by name → types. */
function argTypes(md) {
  const out = new Map();
  for (const m of (md ?? '').matchAll(/`([A-Za-z_][A-Za-z0-9_]*)`\s*—\s*([\s\S]*?)(?=(?:\s-\s`[A-Za-z_][A-Za-z0-9_]*`\s*—)|$)/g)) {
    if (!out.has(m[1])) out.set(m[1], types(m[2]));
  }
  return out;
}

/** `f(a[, b[, c]])` / `f(level)(expr)` / `f(x[, ...])` → { params, args } as [name, optional, variadic]. */
function syntaxLists(syntax, name) {
  const s = syntax.split('\n')[0].trim();
  const open = s.indexOf('(');
  if (open < 0) return undefined;
  const groups = [];
  let depth = 0;
  let start = -1;
  for (let i = open; i < s.length; i++) {
    if (s[i] === '(') { if (depth++ === 0) start = i + 1; }
    else if (s[i] === ')' && --depth === 0) {
      groups.push(s.slice(start, i));
      if (s[i + 1] !== '(') break;
    }
  }
  /** Splits on commas; a name is optional when it starts inside `[…]`. */
  const parse = (g) => {
    const out = [];
    let depth = 0;
    let word = '';
    let wordDepth = 0;
    const flush = () => {
      const w = word.trim();
      if (w === '...' || w === '…') {
        if (out.length) out[out.length - 1][2] = true;
      } else if (w) out.push([/^[A-Za-z_][A-Za-z0-9_]*$/.test(w) ? w : w.replace(/[^A-Za-z0-9_]+/g, '_').replace(/^_+|_+$/g, '') || `arg${out.length + 1}`, wordDepth > 0, false]);
      word = '';
    };
    for (const ch of g) {
      if (ch === '[') depth++;
      else if (ch === ']') depth--;
      else if (ch === ',') flush();
      else {
        if (!word.trim() && ch.trim()) wordDepth = depth;
        word += ch;
      }
    }
    flush();
    return out;
  };
  void name;
  return groups.length >= 2 ? { params: parse(groups[0]), args: parse(groups[1]) } : { params: [], args: parse(groups[0] ?? '') };
}

const enc = ([name, optional, variadic], type) => `${optional ? '?' : ''}${name}${variadic ? '...' : ''}${type ? `:${type}` : ''}`;

/** A name for an argument PostHog accepts past ClickHouse's syntax line: date functions take a timezone last. */
function padName(i, max, f) {
  return (f.tzAware || /^(to[A-Z]|date|now|today|yesterday)/.test(f.name)) && i === max - 1 ? 'timezone:String' : `arg${i + 1}`;
}

/** Fits ClickHouse's argument list to PostHog's arity: truncate past max, pad up to it, optional past min. */
function fit(list, f) {
  if (f.arityUnknown || f.min === undefined) return list;
  const max = f.max === null ? Math.max(list.length, f.min, 1) : f.max;
  const out = list.slice(0, max).map(([n, o]) => [n, o, false]);
  for (let i = out.length; i < max; i++) out.push([padName(i, max, f), true, false]);
  // Exactly `min` required: make trailing required ones optional, or leading optional ones required.
  let required = out.filter((p) => !p[1]).length;
  for (let i = out.length - 1; i >= 0 && required > f.min; i--) if (!out[i][1]) { out[i][1] = true; required--; }
  for (let i = 0; i < out.length && required < f.min; i++) if (out[i][1]) { out[i][1] = false; required++; }
  if (f.max === null && out.length > 0) out[out.length - 1][2] = true;
  return out;
}

const PAGES = {
  'Type Conversion': 'type-conversion-functions', 'Dates and Times': 'date-time-functions', Arrays: 'array-functions',
  String: 'string-functions', Hash: 'hash-functions', 'String Search': 'string-search-functions', JSON: 'json-functions',
  URL: 'url-functions', Mathematical: 'math-functions', Arithmetic: 'arithmetic-functions', Map: 'tuple-map-functions',
  Comparison: 'comparison-functions', 'IP Address': 'ip-address-functions', Tuple: 'tuple-functions', Distance: 'distance-functions',
  Bitmap: 'bitmap-functions', 'Random Number': 'random-functions', UUID: 'uuid-functions', Bit: 'bit-functions',
  Encoding: 'encoding-functions', 'String Splitting': 'splitting-merging-functions', 'String Replacement': 'string-replace-functions',
  Null: 'functions-for-nulls', Rounding: 'rounding-functions', Conditional: 'conditional-functions', Logical: 'logical-functions',
  Other: 'other-functions', Encryption: 'encryption-functions', 'Time Window': 'time-window-functions', Financial: 'financial-functions',
  Dictionary: 'ext-dict-functions', 'Machine Learning': 'machine-learning-functions', Geo: 'geo', 'Geo Polygon': 'geo/polygon',
};

/** Docs page code: `agg` (ClickHouse aggregate reference), `win`, `ph` (PostHog SQL expressions), `sql` (PostHog SQL), or a functions page. */
function page(f, r) {
  if (f.kind === 'posthog') return 'ph';
  if (f.kind === 'udf') return 'sql';
  if (f.window && !r?.is_aggregate) return 'win';
  if (r?.is_aggregate || f.kind === 'aggregate') return 'agg';
  return PAGES[r?.categories] ?? 'fn';
}

const SUFFIXES = ['If', 'Array', 'Map', 'State', 'Merge', 'ForEach', 'OrDefault', 'OrNull', 'ArgMin', 'ArgMax', 'Distinct', 'SimpleState', 'Resample'];

/** `sumArrayOrNull` → { base: 'sum', suffixes: ['Array', 'OrNull'] } when `sum` is a ClickHouse aggregate. */
function splitCombinator(name) {
  for (const s of SUFFIXES) {
    if (!name.endsWith(s) || name.length === s.length) continue;
    const base = name.slice(0, -s.length);
    const r = row(base);
    if (r?.is_aggregate) return { base, suffixes: [s], r };
    const inner = splitCombinator(base);
    if (inner) return { ...inner, suffixes: [...inner.suffixes, s] };
  }
  return undefined;
}

function combinatorArgs(args, ret, suffixes) {
  let a = args;
  let r = ret;
  const wrap = (w) => a.map((p) => (p.includes(':') ? p.replace(/:(.*)$/, `:${w}($1)`) : `${p}:${w}`));
  for (const s of suffixes) {
    if (s === 'If') a = [...a, 'cond:UInt8'];
    else if (s === 'Array' || s === 'ForEach') a = wrap('Array');
    else if (s === 'Map') a = wrap('Map');
    else if (s === 'Merge') a = ['state:AggregateFunction'];
    else if (s === 'State') r = 'AggregateFunction';
    else if (s === 'OrNull') r = r ? `Nullable(${r})` : r;
    else if (s === 'ArgMin' || s === 'ArgMax') a = [...a, 'by'];
  }
  return { a, r };
}

const out = {};
const counts = { clickhouse: 0, combinator: 0, arity: 0 };
for (const f of vocab.functions) {
  const r = row(f.name) ?? (f.clickhouse ? row(f.clickhouse) : undefined);
  const entry = {};
  if (r) {
    const lists = syntaxLists(r.syntax, f.name) ?? { params: [], args: [] };
    const at = argTypes(r.arguments);
    const pt = argTypes(r.parameters);
    entry.a = fit(lists.args, f).map((p) => enc(p, at.get(p[0]) ?? ''));
    if (lists.params.length) entry.p = lists.params.map((p) => enc(p, pt.get(p[0]) ?? ''));
    const ret = types(r.returned_value ?? '');
    if (ret) entry.r = ret;
    entry.c = page(f, r);
    if (r.name !== f.name) entry.ch = r.name;
    counts.clickhouse++;
  } else {
    const comb = splitCombinator(f.name);
    if (comb) {
      const lists = syntaxLists(comb.r.syntax, comb.base) ?? { params: [], args: [] };
      const at = argTypes(comb.r.arguments);
      const base = lists.args.map((p) => `${p[1] ? '?' : ''}${p[0]}${at.get(p[0]) ? `:${at.get(p[0])}` : ''}`);
      const { a, r: ret } = combinatorArgs(base, types(comb.r.returned_value ?? ''), comb.suffixes);
      const own = a.map((p) => [p, p.startsWith('?'), false]).map(([p, o, v]) => [p.replace(/^\?/, ''), o, v]);
      entry.a = fit(own, f).map(([p, o, v]) => `${o ? '?' : ''}${v ? p.replace(/(:|$)/, '...$1') : p}`);
      if (lists.params.length) entry.p = lists.params.map((p) => enc(p, argTypes(comb.r.parameters).get(p[0]) ?? ''));
      if (ret) entry.r = ret;
      entry.c = 'agg';
      entry.ch = comb.base;
      entry.from = 'combinator';
      counts.combinator++;
    } else {
      entry.a = fit([], f).map((p) => enc(p, 'any'));
      entry.c = page(f, undefined);
      entry.from = 'arity';
      counts.arity++;
    }
  }
  const packed = [entry.a.join(';'), entry.r ?? '', entry.c, (entry.p ?? []).join(';'), entry.ch ?? '', entry.from ?? ''];
  while (packed.length > 3 && packed[packed.length - 1] === '') packed.pop();
  out[f.name] = packed;
}

const doc = {
  source: {
    note: 'Generated by scripts/gen-function-docs.mjs; do not edit. Each function: [arguments, return type, docs page code, parameters of a parametric aggregate, the ClickHouse function the data was read from, origin]. Lists are `;`-separated `name:Type` (`?` optional, `...` repeatable); origin is combinator (derived from its base aggregate) or arity (names unknown: arg1…), else ClickHouse.',
    clickhouse: `system.functions of ClickHouse ${clickhouseVersion} (chdb ${chdbVersion})`,
    posthog: 'arity and PostHog-only functions from vocabulary.json (its source block names the PostHog files)',
    counts,
  },
  functions: out,
};
const target = join(root, 'src/language/hogql/functionDocs.json');
if (process.argv.includes('--check')) {
  const fresh = readFileSync(target, 'utf8') === `${JSON.stringify(doc)}\n`;
  console.log(fresh ? 'functionDocs.json is up to date' : 'functionDocs.json is stale: run node scripts/gen-function-docs.mjs');
  process.exit(fresh ? 0 : 1);
}
writeFileSync(target, `${JSON.stringify(doc)}\n`);
console.log(`functionDocs.json: ${Object.keys(out).length} functions`, counts);
