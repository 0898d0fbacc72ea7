/**
 * The PostHog API client (with undici, ~0.5 MB) is a bundle of its own, `dist/api.js`, loaded on
 * first use so activation stays cheap. Everything outside `src/api/` gets runtime values of the
 * API (classes for `instanceof`, helpers) through here, so there is exactly one copy of each class;
 * type-only imports of `src/api/*` are free.
 */
import { join } from 'node:path';
import type * as Api from './api';

export type ApiModule = typeof Api;

let api: ApiModule | undefined;

/** Loads the API bundle (synchronously, once). */
export function loadApi(): ApiModule {
  if (!api) {
    // A computed path keeps esbuild from inlining the module into the extension bundle.
    const file = join(__dirname, 'api.js');
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, on purpose
    api = require(file) as ApiModule;
  }
  return api;
}

/** The API module if something already loaded it (no error of its classes can exist otherwise). */
export function apiIfLoaded(): ApiModule | undefined {
  return api;
}
