/**
 * The parser worker bundled by esbuild as scripts/build.mjs does, PostHog's parser beside it as it
 * ships (its glue and its brotli-compressed WASM, scripts/lib/parserWasm.mjs), in `dir`.
 */
import { join } from 'node:path';
import { build, type PluginBuild } from 'esbuild';

const root = join(__dirname, '..', '..', '..', '..');

/** Builds the worker into `dir`; returns its path. */
export async function buildParserWorker(dir: string): Promise<string> {
  const workerFile = join(dir, 'parser.worker.js');
  const { PARSER_GLUE, writeParserFiles } = await import('../../../../scripts/lib/parserWasm.mjs');
  const asFile = { name: 'parser-as-file', setup: (b: PluginBuild) => b.onResolve({ filter: /^@posthog\/hogql-parser$/ }, () => ({ path: `./${PARSER_GLUE}`, external: true })) };
  await build({ entryPoints: [join(root, 'src/language/parser.worker.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: workerFile, logLevel: 'error', plugins: [asFile] });
  writeParserFiles(root, dir);
  return workerFile;
}
