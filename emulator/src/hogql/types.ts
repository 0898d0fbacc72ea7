/**
 * Public shapes of the HogQL half of the emulator: the request, the response bodies and the
 * engine contract. Response field names follow PostHog's `posthog/schema.py`
 * (HogQLQueryResponse, HogQLMetadataResponse, HogQLNotice, AutocompleteCompletionItem).
 */

/** The engine contract agreed with the server half (`emulator/src/engine/types.ts`). */
export interface EngineQueryOptions {
  queryId: string;
  signal?: AbortSignal;
  timeoutSeconds?: number;
  onProgress?: (progress: unknown) => void;
}

/** `text` is raw ClickHouse JSONCompact output with 64-bit integers quoted. */
export interface HogQLEngine {
  query(sql: string, options: EngineQueryOptions): Promise<{ text: string }>;
  /**
   * JSONCompactEachRowWithNamesAndTypes text, whole lines, block by block (engines that stream);
   * `onEngineDone` once the engine finished without error, maybe before the last rows arrive.
   */
  queryStream?(sql: string, options: EngineQueryOptions, onChunk: (text: string) => void, onEngineDone?: () => void): Promise<void>;
}

export interface HogQLFilters {
  dateRange?: { date_from?: string | null; date_to?: string | null } | null;
  properties?: unknown[] | null;
  filterTestAccounts?: boolean | null;
}

/** PostHog PropertyDefinition.property_type values. */
export type PropertyType = 'String' | 'Numeric' | 'Boolean' | 'DateTime' | 'Duration';

/** Property definitions of the project by name: event properties and person properties. */
export interface PropertyTypes {
  event?: Readonly<Record<string, PropertyType>>;
  person?: Readonly<Record<string, PropertyType>>;
}

/** A stored SQL variable as the server knows it (posthog/hogql/data_provider.py `InsightVariableInfo`). */
export interface InsightVariableInfo {
  id: string;
  code_name: string;
  default_value: unknown;
}

/** A cohort of the project, for IN COHORT. */
export interface CohortRef {
  id: number;
  name: string;
  is_static: boolean;
}

export interface HogQLQueryRequest {
  query: string;
  values?: Record<string, unknown>;
  filters?: HogQLFilters;
  variables?: Record<string, unknown>;
  modifiers?: Record<string, unknown>;
  teamId: number;
  timezone: string;
  /** Types `properties.x` like PostHog's PropertySwapper; absent = every property is a String. */
  propertyTypes?: PropertyTypes;
  /** The project's cohorts (IN COHORT by id or name). */
  cohorts?: CohortRef[];
  /** The team's stored variables whose ids `variables` names, as the server loads them. */
  insightVariables?: InsightVariableInfo[];
  /** The team's views (data warehouse saved queries), name → HogQL: tables of its HogQL database. */
  views?: Record<string, string>;
}

export interface HogQLQueryDeps {
  engine: HogQLEngine;
  queryId: string;
  signal?: AbortSignal;
  onProgress?: (progress: unknown) => void;
  /** Seconds; PostHog's HogQL default `max_execution_time` is 60. */
  timeoutSeconds?: number;
}

export interface QueryTiming {
  k: string;
  t: number;
}

/**
 * A cell that must be written to JSON as a bare number token with exactly these digits
 * (64-bit and wider integers). `serializeResponse` emits it unquoted.
 */
export class RawNumber {
  constructor(readonly digits: string) {}
  toJSON(): string {
    return this.digits;
  }
}

/** A value already serialized as JSON text (a streamed `results` array kept for the cache). */
export class RawJson {
  private source: string | (() => string);

  /** `text`, or a function giving it when first written (a big result's rows, joined only if served again). */
  constructor(text: string | (() => string)) {
    this.source = text;
  }

  get text(): string {
    if (typeof this.source === 'function') this.source = this.source();
    return this.source;
  }
}

export interface HogQLQueryResponseBody {
  columns: string[];
  results: unknown[][];
  types: [string, string][];
  /** Null (as `limit` and `offset`) unless PostHog's paginator ran: a top-level SELECT without LIMIT. */
  hasMore: boolean | null;
  limit: number | null;
  offset: number | null;
  hogql: string;
  clickhouse: string;
  timings: QueryTiming[];
  modifiers: Record<string, unknown>;
  query_status: null;
}

export interface HogQLNotice {
  message: string;
  start?: number;
  end?: number;
  fix?: string;
}

export interface HogQLMetadataRequest {
  language: 'hogQL' | 'hogQLExpr' | 'hog' | 'hogJson' | 'hogTemplate' | string;
  query: string;
  sourceQuery?: unknown;
  filters?: HogQLFilters;
  variables?: Record<string, unknown>;
}

export interface HogQLMetadataResponse {
  query: string;
  isValid: boolean;
  isUsingIndices?: 'undecisive' | 'no' | 'partial' | 'yes';
  errors: HogQLNotice[];
  warnings: HogQLNotice[];
  notices: HogQLNotice[];
  table_names: string[];
}

export interface HogQLAutocompleteRequest {
  query: string;
  startPosition: number;
  endPosition: number;
  language: string;
  sourceQuery?: unknown;
}

export interface AutocompleteItem {
  label: string;
  insertText: string;
  kind: string;
  detail?: string;
  documentation?: string;
}

export interface HogQLAutocompleteResponse {
  suggestions: AutocompleteItem[];
  incomplete_list: boolean;
}

export interface HogQLContextInfo {
  teamId: number;
  timezone: string;
  /** Optional known property names, for autocomplete. */
  propertyNames?: { event?: string[]; person?: string[] };
  /** Property definitions' types (typed properties and their notices). */
  propertyTypes?: PropertyTypes;
  cohorts?: CohortRef[];
  /** The team's stored variables whose ids the request's `variables` names. */
  insightVariables?: InsightVariableInfo[];
  /** The team's views, name → HogQL (see HogQLQueryRequest). */
  views?: Record<string, string>;
}
