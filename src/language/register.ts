import type { Ctx } from '../ctx';

/**
 * Registers the HogQL language features (diagnostics, completion, hover, signature help, symbols,
 * folding, …). Everything heavy (PostHog's WASM parser, the vocabulary) loads lazily, on first use.
 */
export function registerLanguageFeatures(_ctx: Ctx): void {}
