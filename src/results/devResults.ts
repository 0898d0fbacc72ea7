/**
 * Development results for tests and benchmarks (`HOGQL_DEV_RESULTS_FILE`): either a literal
 * `ResultPayload`, or a generator spec `{"generate": {"rows": 100000, "cols": 20, "seed": 1}}` that
 * makes a deterministic result of that size mixing every column kind the grid handles. Pure.
 */
import { parseResult, type Cell, type Column, type ResultPayload } from './protocol';

export interface GenerateSpec {
  rows: number;
  cols: number;
  seed?: number;
  /** Render with the naive full-DOM table (benchmark baseline). */
  naive?: boolean;
  timezone?: string;
}

/** Small, fast, seeded PRNG (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Gen = (row: number, r: () => number) => Cell;

const EVENTS = ['$pageview', '$autocapture', 'user signed up', '$identify', 'purchase', '$pageleave'];
const COUNTRIES = ['US', 'DE', 'GB', 'FR', 'BR', 'IN', 'JP', null];
const BASE_MS = Date.UTC(2026, 0, 1);
const hex = (r: () => number, n: number): string => Array.from({ length: n }, () => Math.floor(r() * 16).toString(16)).join('');

const KINDS: [string, string, Gen][] = [
  ['timestamp', "DateTime64(6, 'UTC')", (i) => new Date(BASE_MS + i * 37_000).toISOString().replace(/\.(\d{3})Z$/, `.$1${String(i % 1000).padStart(3, '0')}Z`)],
  ['event', 'String', (i) => EVENTS[i % EVENTS.length]],
  ['count', 'UInt64', (i, r) => (i % 97 === 0 ? (9007199254740993n + BigInt(i)).toString() : Math.floor(r() * 1e6))],
  ['revenue', 'Float64', (_, r) => Math.round(r() * 1e6) / 100],
  ['price', 'Decimal(18, 4)', (_, r) => (r() * 1000).toFixed(4)],
  ['is_first', 'Bool', (_, r) => r() < 0.2],
  ['country', 'LowCardinality(Nullable(String))', (i) => COUNTRIES[i % COUNTRIES.length]],
  ['properties', 'Map(String, String)', (i) => ({ $browser: i % 2 ? 'Chrome' : 'Firefox', $os: 'Linux', n: String(i) })],
  ['tags', 'Array(String)', (i) => (i % 3 ? ['a', `t${i % 10}`] : [])],
  ['distinct_id', 'UUID', (_, r) => `${hex(r, 8)}-${hex(r, 4)}-${hex(r, 4)}-${hex(r, 4)}-${hex(r, 12)}`],
  ['day', 'Date', (i) => new Date(BASE_MS + i * 3_600_000).toISOString().slice(0, 10)],
  ['delta', 'Nullable(Int64)', (i, r) => (i % 11 === 0 ? null : Math.floor(r() * 2000) - 1000)],
];

/** Columns and generators for `cols` columns (kinds repeat with a numeric suffix). */
function columnsFor(cols: number): { columns: Column[]; gens: Gen[] } {
  const columns: Column[] = [];
  const gens: Gen[] = [];
  for (let c = 0; c < cols; c++) {
    const [name, type, gen] = KINDS[c % KINDS.length];
    const round = Math.floor(c / KINDS.length);
    columns.push({ name: round ? `${name}_${round + 1}` : name, type });
    gens.push(gen);
  }
  return { columns, gens };
}

/** A deterministic result of `rows` × `cols`. */
export function generateResult(spec: GenerateSpec): ResultPayload {
  const rows = Math.max(0, Math.floor(spec.rows));
  const { columns, gens } = columnsFor(Math.max(1, Math.floor(spec.cols)));
  const r = rng(spec.seed ?? 1);
  const data: Cell[][] = new Array(rows);
  for (let i = 0; i < rows; i++) data[i] = gens.map((g) => g(i, r));
  const result: ResultPayload = {
    queryId: `generated-${rows}x${columns.length}-${spec.seed ?? 1}${spec.naive ? '-naive' : ''}`,
    columns,
    rows: data,
    hasMore: false,
    elapsedMs: 0,
    timezone: spec.timezone ?? 'UTC',
    query: `-- generated: ${rows} rows × ${columns.length} columns, seed ${spec.seed ?? 1}`,
  };
  if (spec.naive) result.devRenderer = 'naive';
  return result;
}

/** What a dev results document asks the panel to show. */
export interface DevDocument {
  result?: ResultPayload;
  /** Show the result in pages of this many rows ("Load more" serves the next page). */
  pageRows?: number;
  error?: { message: string; details?: string };
  /** Show the running state with this message (Cancel answers `cancelled`). */
  loading?: string;
}

/**
 * Reads a dev results document (already JSON-parsed): a payload, a generator spec
 * `{"generate": {…}}`, optionally with `"pageRows": n`; or `{"error": {"message", "details"}}`; or
 * `{"loading": "message"}`.
 */
export function devDocument(doc: unknown): DevDocument {
  if (typeof doc !== 'object' || doc === null) throw new Error('dev results: not a JSON object');
  const d = doc as Record<string, unknown>;
  if (typeof d.loading === 'string') return { loading: d.loading };
  const err = d.error as Record<string, unknown> | undefined;
  if (err && typeof err.message === 'string') {
    return { error: typeof err.details === 'string' ? { message: err.message, details: err.details } : { message: err.message } };
  }
  const out: DevDocument = { result: devResult(doc) };
  if (typeof d.pageRows === 'number' && d.pageRows > 0) out.pageRows = Math.floor(d.pageRows);
  return out;
}

/** Reads a payload or a generator spec. */
export function devResult(doc: unknown): ResultPayload {
  if (typeof doc === 'object' && doc !== null && 'generate' in doc) {
    const g = (doc as { generate: Record<string, unknown> }).generate;
    if (typeof g?.rows !== 'number' || typeof g?.cols !== 'number') throw new Error('dev results: generate needs numeric rows and cols');
    return generateResult(g as unknown as GenerateSpec);
  }
  const r = parseResult(doc);
  if (!r) throw new Error('dev results: not a ResultPayload nor a {"generate": …} spec');
  return r;
}
