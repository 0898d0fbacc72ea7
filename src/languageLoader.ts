/**
 * The HogQL language bundle (`dist/language.js`: providers, the vocabulary of 1,167 functions and
 * 33 tables, our parser) is loaded on first use so activation stays cheap. Code outside
 * `src/language/` that needs its runtime values (e.g. the Schema view's vocabulary) gets them here.
 */
import { join } from 'node:path';
import type * as Features from './language/features';

let bundle: typeof Features | undefined;

export function loadLanguageBundle(): typeof Features {
  // A computed path keeps esbuild from inlining the bundle into the extension bundle.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, on purpose
  bundle ??= require(join(__dirname, 'language.js')) as typeof Features;
  return bundle;
}
