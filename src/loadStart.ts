/**
 * When the activation bundle started evaluating (performance.now(), the extension host's clock):
 * src/extension.ts imports this module first, so the activation benchmark can tell loading the
 * bundle from the host's own work before it and from `activate` (issue #21).
 */
export const bundleStartMs = performance.now();
