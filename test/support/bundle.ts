// The activation bundle (src/extension.ts) built in memory the way scripts/build.mjs builds it, for
// tests that look at what went into it (lazy loading, no test hooks in the release build).
import { join, relative } from 'node:path';
import * as esbuild from 'esbuild';

export const ROOT = join(__dirname, '..', '..');
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the manifest, as scripts/build.mjs reads it
const PKG = require('../../package.json') as { publisher: string; name: string };

export interface ExtensionBundle {
  /** Bytes each source module (path relative to the project, `/`-separated) left in the output. */
  inputs: Record<string, number>;
  /** The bundle's JavaScript. */
  text: string;
}

/**
 * `testHooks` as scripts/build.mjs defines `__TEST_HOOKS__`: false for the release, true for the test
 * build. `entry`: another entry point of scripts/build.mjs (default the activation bundle).
 */
export async function bundleExtension(opts: { testHooks: boolean; entry?: string }): Promise<ExtensionBundle> {
  const r = await esbuild.build({
    entryPoints: [join(ROOT, opts.entry ?? 'src/extension.ts')],
    bundle: true,
    write: false,
    metafile: true,
    minify: true,
    keepNames: true, // as scripts/build.mjs: function names stay in the output
    platform: 'node',
    format: 'cjs',
    external: ['vscode'],
    target: 'es2022',
    define: { 'process.env.NODE_ENV': '"production"', __TEST_HOOKS__: String(opts.testHooks), __EXTENSION_ID__: JSON.stringify(`${PKG.publisher}.${PKG.name}`) },
    outdir: join(ROOT, 'out', `bundle-check-${opts.testHooks ? 'test' : 'release'}-${(opts.entry ?? 'src/extension.ts').replace(/\W/g, '_')}`),
    logLevel: 'silent',
  });
  const out = Object.values(r.metafile.outputs).find((o) => o.entryPoint)!;
  return {
    inputs: Object.fromEntries(Object.entries(out.inputs).map(([f, v]) => [relative(ROOT, join(ROOT, f)).split('\\').join('/'), v.bytesInOutput])),
    text: r.outputFiles.find((f) => f.path.endsWith('.js'))!.text,
  };
}
