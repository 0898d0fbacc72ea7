/**
 * Lenient field schemas (valibot) for the API boundary: a field of the wrong type becomes a
 * documented fallback instead of failing the object, and the repair is noted so the boundary can
 * warn once, naming resource, id and field (see boundary.ts). No `vscode`, no DOM.
 *
 * Fallbacks (docs/api-boundary.md):
 * - text where an object, array, number or boolean arrived → compact JSON / `String(value)`;
 *   `optName` instead treats a non-string as absent (the caller has a derived fallback, e.g.
 *   insight name → derived_name → "Untitled insight <short id>");
 * - a number that is not a finite number → absent; a numeric string → the number;
 * - a boolean that is not a boolean → absent ("true"/"false" strings are read as such);
 * - a list that is not an array → `[]`; list items that do not fit are dropped;
 * - an object (record) that is not a plain object → absent.
 * `null` and a missing field are "absent" without a warning: PostHog sends both for nullable fields.
 */
import * as v from 'valibot';

export interface Repair {
  /** Dotted field path within the object: `name`, `filters.groups`. */
  field: string;
  /** What arrived: "a number", "an object"… */
  got: string;
  /** What is used instead: "JSON text", "nothing", "[]"… */
  used: string;
}

let sink: Repair[] | undefined;

/** Runs `fn` collecting the repairs the lenient fields make meanwhile (parsing is synchronous). */
export function collectRepairs<R>(fn: () => R): { result: R; repairs: Repair[] } {
  const outer = sink;
  const repairs: Repair[] = [];
  sink = repairs;
  try {
    return { result: fn(), repairs };
  } finally {
    sink = outer;
  }
}

/** Records a repair (for schemas written outside this file). */
export function note(field: string, value: unknown, used: string): void {
  sink?.push({ field, got: kindOf(value), used });
}

export function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  const t = typeof value;
  return t === 'object' ? 'an object' : t === 'undefined' ? 'nothing' : `a ${t}`;
}

/** Compact JSON of any parsed value (bigints from the lossless parser as digits). */
export function compactJson(value: unknown): string {
  try {
    return JSON.stringify(value, (_k, x: unknown) => (typeof x === 'bigint' ? x.toString() : x)) ?? String(value);
  } catch {
    return String(value);
  }
}

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** Any value as text: strings as they are, scalars through `String`, objects and arrays as compact JSON. */
export function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && value !== null) return compactJson(value);
  return String(value);
}

const lenient = <T>(fn: (x: unknown) => T) => v.pipe(v.unknown(), v.transform(fn));

/**
 * A field that always has a value: a missing key runs `fn` on `null` (valibot's object schemas
 * report a missing key before running a non-optional schema, which would fail the object).
 */
const always = <T>(fn: (x: unknown) => T) => v.optional(lenient(fn), () => null);

/** Optional text (`null` kept, as PostHog's nullable fields); a non-string becomes its text (objects as compact JSON). */
export const optText = (field: string) =>
  v.optional(
    lenient((x): string | null | undefined => {
      if (x === null || x === undefined || typeof x === 'string') return x;
      note(field, x, 'its text');
      return textOf(x);
    }),
  );

/** Required text: absent → `fallback` (noted), a non-string → its text. */
export const reqText = (field: string, fallback = '') =>
  always((x): string => {
    if (typeof x === 'string') return x;
    if (x === null || x === undefined) {
      note(field, x, fallback === '' ? 'empty text' : `"${fallback}"`);
      return fallback;
    }
    note(field, x, 'its text');
    return textOf(x);
  });

/** A name the caller derives a fallback for: a non-string is absent (noted). */
export const optName = (field: string) =>
  v.optional(
    lenient((x): string | null | undefined => {
      if (typeof x === 'string' || x === null) return x;
      if (x !== undefined) note(field, x, 'the fallback name');
      return undefined;
    }),
  );

export const optNumber = (field: string) =>
  v.optional(
    lenient((x): number | null | undefined => {
      if (typeof x === 'number' && Number.isFinite(x)) return x;
      if (typeof x === 'bigint') return Number(x);
      if (x === null || x === undefined) return x;
      const n = typeof x === 'string' && x.trim() !== '' ? Number(x) : NaN;
      note(field, x, Number.isFinite(n) ? 'its number' : 'nothing');
      return Number.isFinite(n) ? n : undefined;
    }),
  );

export const optBool = (field: string) =>
  v.optional(
    lenient((x): boolean | undefined => {
      if (typeof x === 'boolean') return x;
      if (x === null || x === undefined) return undefined;
      note(field, x, x === 'true' || x === 'false' ? 'its boolean' : 'nothing');
      return x === 'true' ? true : x === 'false' ? false : undefined;
    }),
  );

/** An optional number where `null` means absent too (output never null). */
export const optNum = (field: string) => v.pipe(optNumber(field), v.transform((n) => n ?? undefined));

/** Optional text where `null` means absent too (output never null). */
export const optStr = (field: string) => v.pipe(optText(field), v.transform((s) => s ?? undefined));

/** A boolean with a default for absent (and wrong-typed, noted) values. */
export const boolOr = (field: string, fallback: boolean) => {
  const inner = optBool(field);
  return always((x) => v.parse(inner, x) ?? fallback);
};

/** A number with a default for absent (and wrong-typed, noted) values. */
export const numberOr = (field: string, fallback: number) => {
  const inner = optNumber(field);
  return always((x) => v.parse(inner, x) ?? fallback);
};

/** A plain object (JSON object) or absent. */
export const optRecord = (field: string) =>
  v.optional(
    lenient((x): Record<string, unknown> | undefined => {
      if (isRecord(x)) return x;
      if (x !== null && x !== undefined) note(field, x, 'nothing');
      return undefined;
    }),
  );

/** A list (absent stays absent): not an array → `[]` (noted unless null); items that fail `item` are dropped (noted). */
export const listOf = <S extends v.GenericSchema>(field: string, item: S) => v.optional(reqListOf(field, item));

/** A list that is always there: absent → `[]` too. */
export const reqListOf = <S extends v.GenericSchema>(field: string, item: S) =>
  always((x): v.InferOutput<S>[] => {
      if (!Array.isArray(x)) {
        if (x !== null && x !== undefined) note(field, x, '[]');
        return [];
      }
      const out: v.InferOutput<S>[] = [];
      for (const el of x) {
        const r = v.safeParse(item, el);
        if (r.success) out.push(r.output);
        else note(`${field}[]`, el, 'nothing (dropped)');
      }
      return out;
    });

/** A list of texts (tags, distinct ids): not an array → `[]`; a non-string item → its text. */
export const textList = (field: string) =>
  v.optional(
    lenient((x): string[] => {
      if (!Array.isArray(x)) {
        if (x !== null && x !== undefined) note(field, x, '[]');
        return [];
      }
      if (x.every((s) => typeof s === 'string')) return x;
      note(`${field}[]`, x.find((s) => typeof s !== 'string'), 'its text');
      return x.map(textOf);
    }),
  );

/** A list kept as it is when it is an array (steps, questions, properties): else `[]`. */
export const anyList = (field: string) => listOf(field, v.unknown());

/** A numeric id: a number, or a string of digits (read as the number). Anything else fails the object. */
export const numId = v.union([v.pipe(v.number(), v.integer()), v.pipe(v.string(), v.regex(/^\d{1,15}$/), v.transform(Number))]);

/** A string id (uuid, session id): a string, or a number (its digits). Anything else fails the object. */
export const strId = v.union([v.pipe(v.string(), v.minLength(1)), v.pipe(v.number(), v.transform(String))]);

export const isPlainObject = isRecord;
