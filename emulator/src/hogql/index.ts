/**
 * The HogQL half of the PostHog emulator: parse HogQL with PostHog's own parser (in a worker),
 * translate it to ClickHouse SQL, run it on the engine and build PostHog-shaped responses.
 */

export { HogQLError, HogQLTimeoutError, HogQLInternalError, HogQLServerError } from './errors';
export { mapClickHouseError } from './chErrors';
export type { HogQLErrorCode } from './errors';
export * from './types';

export { runHogQLQuery } from './runner';
export { sentVariableIds } from './variables';
export { serializeResponse } from './response';
export { streamHogQLQuery, STREAM_AFTER_BYTES, type HogQLRun, type HogQLStreamHead } from './stream';
export { ParsePool, setSharedParsePool, sharedParsePool } from './parsePool';

export { runHogQLMetadata } from './metadata';
export { runHogQLAutocomplete } from './autocomplete';
