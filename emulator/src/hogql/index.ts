/**
 * The HogQL half of the PostHog emulator: parse HogQL with PostHog's own parser (in a worker),
 * translate it to ClickHouse SQL, run it on the engine and build PostHog-shaped responses.
 */
import type {
  HogQLAutocompleteRequest,
  HogQLAutocompleteResponse,
  HogQLContextInfo,
  HogQLMetadataRequest,
  HogQLMetadataResponse,
} from './types';

export { HogQLError, HogQLTimeoutError, HogQLInternalError } from './errors';
export type { HogQLErrorCode } from './errors';
export * from './types';

export { runHogQLQuery } from './runner';
export { serializeResponse } from './response';
export { ParsePool, setSharedParsePool, sharedParsePool } from './parsePool';

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
