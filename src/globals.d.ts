/**
 * Build-time constant (scripts/build.mjs `define`): true in development and test builds, false in
 * the release build, where every `if (__TEST_HOOKS__ …)` branch is removed. Unit tests (tsx) set it
 * on globalThis (test/support/globals.cjs).
 */
declare const __TEST_HOOKS__: boolean;
