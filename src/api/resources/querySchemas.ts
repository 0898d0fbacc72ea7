/**
 * Schemas of the query endpoint's answers, after PostHog's query schema
 * (frontend/src/queries/schema.json: `HogQLQueryResponse`, `QueryStatus`, `QueryTiming`,
 * `HogQLMetadataResponse`, `HogQLNotice`, `AutocompleteCompletionItem`).
 *
 * Query results stay fast and lossless: the envelope is checked field by field, but the rows only
 * for their outer shape (an array of arrays: one `Array.isArray` per row); cells are never walked,
 * so bigints from the lossless parser and 100k-row results pass untouched.
 */
import * as v from 'valibot';
import type { ItemSpec } from '../schema/boundary';
import { boolOr, listOf, note, numberOr, optBool, optNum, optNumber, optRecord, optStr, optText, reqListOf, reqText } from '../schema/lenient';

/** Rows: not an array → `[]`; a row that is not an array becomes a one-cell row (noted). */
const rows = v.optional(v.pipe(
  v.unknown(),
  v.transform((x): unknown[][] => {
    if (!Array.isArray(x)) {
      if (x !== null && x !== undefined) noteRows(x);
      return [];
    }
    for (let i = 0; i < x.length; i++) {
      if (!Array.isArray(x[i])) {
        noteRows(x[i]);
        return x.map((r: unknown) => (Array.isArray(r) ? r : [r]));
      }
    }
    return x as unknown[][];
  }),
), () => null);

function noteRows(sample: unknown): void {
  note('results', sample, Array.isArray(sample) ? '[]' : 'one-cell rows');
}

/** Column types: `[name, type]` pairs or bare type names; anything else is dropped (noted). */
const columnType = v.union([v.string(), v.pipe(v.array(v.unknown()), v.minLength(1), v.transform((p): [string, string] => [String(p[0]), String(p[1] ?? '')]))]);

export const QueryTimingSchema = v.looseObject({ k: reqText('timings[].k'), t: numberOr('timings[].t', 0) });
export type QueryTiming = v.InferOutput<typeof QueryTimingSchema>;

export const QueryProgressSchema = v.looseObject({
  bytes_read: numberOr('query_progress.bytes_read', 0),
  rows_read: numberOr('query_progress.rows_read', 0),
  estimated_rows_total: numberOr('query_progress.estimated_rows_total', 0),
  time_elapsed: numberOr('query_progress.time_elapsed', 0),
  active_cpu_time: numberOr('query_progress.active_cpu_time', 0),
});
export type QueryProgress = v.InferOutput<typeof QueryProgressSchema>;

export const QueryStatusSchema = v.looseObject({
  id: reqText('id'),
  team_id: optNumber('team_id'),
  complete: boolOr('complete', false),
  error: boolOr('error', false),
  error_message: v.pipe(optText('error_message'), v.transform((s) => s ?? null)),
  /** The finished query's response (for a HogQL query: a HogQLQueryResponse, checked when read). */
  results: v.optional(v.unknown()),
  start_time: optText('start_time'),
  end_time: optText('end_time'),
  expiration_time: optText('expiration_time'),
  query_progress: v.optional(v.fallback(v.nullable(QueryProgressSchema), null)),
});
export type QueryStatus = v.InferOutput<typeof QueryStatusSchema>;

export const HogQLQueryResponseSchema = v.looseObject({
  results: rows,
  columns: v.optional(v.pipe(listOf('columns', v.unknown()), v.transform((c) => c?.map((x) => (typeof x === 'string' ? x : String(x)))))),
  /** `[name, ClickHouse type]` pairs (or bare types). */
  types: listOf('types', columnType),
  hogql: optText('hogql'),
  clickhouse: optText('clickhouse'),
  timings: listOf('timings', QueryTimingSchema),
  hasMore: optBool('hasMore'),
  limit: optNumber('limit'),
  offset: optNumber('offset'),
  is_cached: optBool('is_cached'),
  last_refresh: optText('last_refresh'),
  query_status: v.optional(v.fallback(v.nullable(QueryStatusSchema), null)),
  error: optText('error'),
  modifiers: optRecord('modifiers'),
});
export type HogQLQueryResponse = v.InferOutput<typeof HogQLQueryResponseSchema>;

export const HogQLNoticeSchema = v.looseObject({
  message: reqText('message'),
  start: optNum('start'),
  end: optNum('end'),
  fix: optStr('fix'),
});
export type HogQLNotice = v.InferOutput<typeof HogQLNoticeSchema>;

export const HogQLMetadataResponseSchema = v.looseObject({
  query: optStr('query'),
  isValid: optBool('isValid'),
  isUsingIndices: optStr('isUsingIndices'),
  errors: reqListOf('errors', HogQLNoticeSchema),
  warnings: reqListOf('warnings', HogQLNoticeSchema),
  notices: reqListOf('notices', HogQLNoticeSchema),
  table_names: listOf('table_names', v.string()),
  ch_table_names: listOf('ch_table_names', v.string()),
});
export type HogQLMetadataResponse = v.InferOutput<typeof HogQLMetadataResponseSchema>;

export const AutocompleteItemSchema = v.looseObject({
  label: reqText('suggestions[].label'),
  insertText: reqText('suggestions[].insertText'),
  /** Monaco CompletionItemKind name: `Function`, `Field`, `Keyword`… */
  kind: reqText('suggestions[].kind'),
  detail: optStr('suggestions[].detail'),
  documentation: optStr('suggestions[].documentation'),
});
export type AutocompleteItem = v.InferOutput<typeof AutocompleteItemSchema>;

export const HogQLAutocompleteResponseSchema = v.looseObject({
  suggestions: reqListOf('suggestions', AutocompleteItemSchema),
  incomplete_list: boolOr('incomplete_list', false),
});
export type HogQLAutocompleteResponse = v.InferOutput<typeof HogQLAutocompleteResponseSchema>;

export const QUERY_RESPONSE: ItemSpec<HogQLQueryResponse> = { resource: 'query response', schema: HogQLQueryResponseSchema };
export const QUERY_STATUS: ItemSpec<QueryStatus> = { resource: 'query status', schema: QueryStatusSchema };
export const STATUS_ENVELOPE: ItemSpec<{ query_status: QueryStatus }> = { resource: 'query status', schema: v.looseObject({ query_status: QueryStatusSchema }) };
export const METADATA: ItemSpec<HogQLMetadataResponse> = { resource: 'HogQL metadata', schema: HogQLMetadataResponseSchema };
export const AUTOCOMPLETE: ItemSpec<HogQLAutocompleteResponse> = { resource: 'HogQL autocomplete', schema: HogQLAutocompleteResponseSchema };
