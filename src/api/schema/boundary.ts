/**
 * The API boundary: every response body goes through a schema here before anything else sees it.
 * Repairs made by the lenient fields (lenient.ts) and items dropped as unusable are logged once
 * per resource, id and field through the API layer's logger. See docs/api-boundary.md.
 */
import * as v from 'valibot';
import { BadResponseError } from '../errors';
import type { ApiLogger } from '../types';
import { collectRepairs, isPlainObject, kindOf, Repair } from './lenient';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Schema<T> = v.BaseSchema<any, T, v.BaseIssue<unknown>>;

/** What is being read (for the warnings): `insight`, `feature flag`, `page of insights`… */
export interface ItemSpec<T> {
  resource: string;
  schema: Schema<T>;
}

export interface BoundaryContext {
  logger: ApiLogger;
  /** Removes secrets from a log line (the transport's scrub). */
  scrub: (text: string) => string;
}

const MAX_REMEMBERED = 5_000;
const warned = new WeakMap<ApiLogger, Set<string>>();

/** Logs `message` once per logger and `key` (bounded: the memory is cleared past 5,000 keys). */
export function warnOnce(ctx: BoundaryContext, key: string, message: string): void {
  let seen = warned.get(ctx.logger);
  if (!seen) warned.set(ctx.logger, (seen = new Set()));
  if (seen.has(key)) return;
  if (seen.size >= MAX_REMEMBERED) seen.clear();
  seen.add(key);
  ctx.logger.warn(ctx.scrub(message));
}

/** The id an item is known by, for messages: `id`, else `short_id`, `key`, `uuid`. */
export function idOf(raw: unknown): string {
  if (!isPlainObject(raw)) return '(no id)';
  for (const k of ['id', 'short_id', 'key', 'uuid']) {
    const x = raw[k];
    if (typeof x === 'string' || typeof x === 'number') return String(x).slice(0, 80);
  }
  return '(no id)';
}

function logRepairs(ctx: BoundaryContext, resource: string, id: string, repairs: readonly Repair[]): void {
  for (const r of repairs) {
    warnOnce(ctx, `${resource}|${id}|${r.field}`, `PostHog sent ${resource} ${id} with "${r.field}" as ${r.got}; using ${r.used} instead.`);
  }
}

function issueText(issues: readonly v.BaseIssue<unknown>[]): { field: string; got: string } {
  const first = issues[0];
  const field = first ? (v.getDotPath(first) ?? '(the object)') : '(the object)';
  return { field, got: first ? kindOf(first.input) : 'nothing' };
}

function isObjectSchema(schema: { type?: string }): boolean {
  return schema.type === 'object' || schema.type === 'loose_object' || schema.type === 'strict_object' || schema.type === 'object_with_rest';
}

/** Parses one item; undefined (with a warning) when it is unusable, e.g. has no id. */
export function parseItem<T>(ctx: BoundaryContext, spec: ItemSpec<T>, raw: unknown): T | undefined {
  const id = idOf(raw);
  if (Array.isArray(raw) && isObjectSchema(spec.schema)) {
    // valibot's object schemas take an array for an object (typeof [] is 'object').
    warnOnce(ctx, `${spec.resource}|${id}|drop`, `Skipped ${spec.resource} ${id} from PostHog: "(the object)" is an array, which cannot be used.`);
    return undefined;
  }
  const { result, repairs } = collectRepairs(() => v.safeParse(spec.schema, raw));
  logRepairs(ctx, spec.resource, id, repairs);
  if (result.success) return result.output;
  const { field, got } = issueText(result.issues);
  warnOnce(ctx, `${spec.resource}|${id}|drop`, `Skipped ${spec.resource} ${id} from PostHog: "${field}" is ${got}, which cannot be used.`);
  return undefined;
}

/** Parses a list of items, dropping the unusable ones; a non-array is `[]` (with a warning). */
export function parseItems<T>(ctx: BoundaryContext, spec: ItemSpec<T>, raw: unknown, where: string): T[] {
  if (!Array.isArray(raw)) {
    if (raw !== undefined && raw !== null) warnOnce(ctx, `${where}|results`, `PostHog sent ${where} with "results" as ${kindOf(raw)}; showing no items.`);
    return [];
  }
  const out: T[] = [];
  for (const x of raw) {
    const item = parseItem(ctx, spec, x);
    if (item !== undefined) out.push(item);
  }
  return out;
}

/** Parses one object answer (a get, a create…); an unusable one is a BadResponseError. */
export function parseOne<T>(ctx: BoundaryContext, spec: ItemSpec<T>, raw: unknown, where: { method: string; path: string }): T {
  const item = parseItem(ctx, spec, raw);
  if (item !== undefined) return item;
  const { field, got } = Array.isArray(raw) ? { field: '(the object)', got: kindOf(raw) } : issueText(v.safeParse(spec.schema, raw).issues ?? []);
  throw new BadResponseError(
    {
      status: 200,
      userMessage: `PostHog sent ${spec.resource === 'page' ? 'a response' : `a ${spec.resource}`} this extension cannot read ("${field}" is ${got}).`,
      detail: `${where.method} ${where.path}: response does not match the ${spec.resource} schema at "${field}" (${got})`,
      method: where.method,
      path: where.path,
      scrub: ctx.scrub,
    },
    'shape',
  );
}
