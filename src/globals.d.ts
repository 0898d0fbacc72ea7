/**
 * Build-time constant (scripts/build.mjs `define`): true in development and test builds, false in
 * the release build, where every `if (__TEST_HOOKS__ …)` branch is removed. Unit tests (tsx) set it
 * on globalThis (test/support/globals.cjs).
 */
declare const __TEST_HOOKS__: boolean;

/**
 * Build-time constant (scripts/build.mjs `define`): the version of @posthog/hogql-parser bundled,
 * part of the parser snapshot's key (src/language/syntax/snapshotStore.ts). Undefined when the
 * worker runs from source or a build without it: read it with `typeof`.
 */
declare const __HOGQL_PARSER_VERSION__: string | undefined;

/**
 * Build-time constant (scripts/build.mjs `define`): the extension's id, `<publisher>.<name>` of
 * package.json, for the registrations made before `activate()` has the context (src/early.ts).
 */
declare const __EXTENSION_ID__: string;
