// The esbuild options of the activation bundle (dist/extension.js) and the features bundle
// (dist/features.js), shared by scripts/build.mjs and the unit test that checks what each holds
// (test/unit/features/shared.test.ts).
import * as esbuild from 'esbuild';
import { join, relative, resolve } from 'node:path';

/**
 * The activation bundle and the features bundle (commands, sidebar, history, results panels; loaded
 * on first use by src/extension.ts, see src/shell.ts) share their modules: features.js holds no
 * second copy of any src/ module that extension.js has, it takes that module from extension.js at
 * run time. One copy means one instance of each module's state (the test seams, the config's
 * event, caches) and one class for `instanceof` (TrustRequiredError, SignInRequiredError, …).
 * extension.js exports every one of its src/ modules as `__modules[<path>]` for that.
 */
/** The activation bundle's entry: src/extension.ts plus `__modules`, the shared modules by path. */
function mainEntry(entry, root, shared) {
  return {
    name: 'hogql-main-entry',
    setup(build) {
      build.onResolve({ filter: /^hogql-main$/ }, () => ({ path: 'hogql-main', namespace: 'hogql-main' }));
      build.onLoad({ filter: /.*/, namespace: 'hogql-main' }, () => ({
        resolveDir: root,
        loader: 'js',
        contents: [
          `export * from ${JSON.stringify(entry)};`,
          ...shared.map((f, i) => `import * as m${i} from ${JSON.stringify(join(root, f))};`),
          `export const __modules = {${shared.map((f, i) => `${JSON.stringify(f)}: m${i}`).join(', ')}};`,
        ].join('\n'),
      }));
    },
  };
}

export async function sharedBundles(node, root) {
  const entry = join(root, 'src/extension.ts');
  const features = join(root, 'src/features.ts');
  const main = (shared) => ({ ...node, entryPoints: [{ in: 'hogql-main', out: 'extension' }], outdir: join(root, 'dist'), metafile: true, plugins: [mainEntry(entry, root, shared)] });
  const inputsOf = async (options) => {
    const probe = await esbuild.build({ ...options, write: false, metafile: true, logLevel: 'silent' });
    return Object.keys(Object.values(probe.metafile.outputs).find((o) => o.entryPoint).inputs);
  };
  // The src/ modules features.js would hold on its own that extension.js holds too are shared. Exporting
  // a module whole (`__modules`) keeps all of its exports, whose imports may bring more modules into
  // extension.js: probe again with those shared too, until nothing is added (two or three rounds).
  const inFeatures = new Set(await inputsOf({ ...node, entryPoints: [features], outdir: join(root, 'dist') }));
  let shared = [];
  for (;;) {
    const inMain = await inputsOf(main(shared));
    const next = inMain.filter((f) => f.startsWith('src/') && f !== 'src/extension.ts' && inFeatures.has(f));
    if (next.length === shared.length) break;
    shared = next;
  }
  const sharedSet = new Set(shared);
  const fromMain = {
    name: 'hogql-shared-modules',
    setup(build) {
      build.onResolve({ filter: /^\./ }, (args) => {
        const base = resolve(args.resolveDir, args.path);
        for (const candidate of [base, `${base}.ts`, join(base, 'index.ts')]) {
          const key = relative(root, candidate).split('\\').join('/');
          if (sharedSet.has(key)) return { path: key, namespace: 'hogql-shared' };
        }
        return undefined;
      });
      build.onLoad({ filter: /.*/, namespace: 'hogql-shared' }, (args) => ({
        loader: 'js',
        contents: `module.exports = require(require('node:path').join(__dirname, 'extension.js')).__modules[${JSON.stringify(args.path)}];`,
      }));
    },
  };
  return [
    main(shared),
    { ...node, entryPoints: [{ in: features, out: 'features' }], outdir: join(root, 'dist'), metafile: true, plugins: [fromMain] },
  ];
}

