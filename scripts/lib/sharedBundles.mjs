// The esbuild options of the activation bundle (dist/extension.js) and the features bundle
// (dist/features.js), shared by scripts/build.mjs and the unit test that checks what each holds
// (test/unit/features/shared.test.ts).
import * as esbuild from 'esbuild';
import { join, relative, resolve } from 'node:path';
import { vscodeOnce } from './vscodeOnce.mjs';

/**
 * The activation bundle and the features bundle (commands, sidebar, history, results panels; loaded
 * on first use by src/extension.ts, see src/shell.ts) share their modules: features.js holds no
 * second copy of any src/ module that extension.js has, it takes that module from extension.js at
 * run time. One copy means one instance of each module's state (the test seams, the config's
 * event, caches) and one class for `instanceof` (TrustRequiredError, SignInRequiredError, …).
 * extension.js exports, as `__modules[<path>]`, the names features.js imports from each such module
 * (only those: exporting whole modules kept ~28 KiB of unused code in the activation bundle).
 */
const SHARED = 'hogql-shared:';

/** `export const __modules = {...}`: each shared module's used names as live getters (`*`: the whole module). */
function modulesSource(root, used) {
  const lines = [];
  const entries = [...used].map(([path, names], i) => {
    const from = JSON.stringify(join(root, path));
    if (names === '*') {
      lines.push(`import * as m${i} from ${from};`);
      return `${JSON.stringify(path)}: m${i}`;
    }
    const list = [...names];
    lines.push(`import { ${list.map((n, j) => `${n} as m${i}_${j}`).join(', ')} } from ${from};`);
    return `${JSON.stringify(path)}: { ${list.map((n, j) => `get ${n}() { return m${i}_${j}; }`).join(', ')} }`;
  });
  return [...lines, `export const __modules = { ${entries.join(', ')} };`].join('\n');
}

/** The activation bundle's entry: src/extension.ts plus `__modules`. */
function mainEntry(entry, root, used) {
  return {
    name: 'hogql-main-entry',
    setup(build) {
      build.onResolve({ filter: /^hogql-main$/ }, () => ({ path: 'hogql-main', namespace: 'hogql-main' }));
      build.onLoad({ filter: /.*/, namespace: 'hogql-main' }, () => ({
        resolveDir: root,
        loader: 'js',
        contents: `export * from ${JSON.stringify(entry)};\n${modulesSource(root, used)}`,
      }));
    },
  };
}

/** Resolves relative imports of the modules in `shared` (paths from the project root) to `onShared(key)`. */
function sharedResolver(root, shared, onShared) {
  return {
    name: 'hogql-shared-modules',
    setup(build) {
      build.onResolve({ filter: /^\./ }, (args) => {
        const base = resolve(args.resolveDir, args.path);
        for (const candidate of [base, `${base}.ts`, join(base, 'index.ts')]) {
          const key = relative(root, candidate).split('\\').join('/');
          if (shared.has(key)) return onShared(key);
        }
        return undefined;
      });
      build.onLoad({ filter: /.*/, namespace: 'hogql-shared' }, (args) => ({
        loader: 'js',
        contents: `module.exports = require(require('node:path').join(__dirname, 'extension.js')).__modules[${JSON.stringify(args.path)}];`,
      }));
    },
  };
}

/** The names features.js imports from each shared module: its ESM build with them external, read back. */
async function usedNames(node, root, features, shared) {
  const plugin = sharedResolver(root, shared, (key) => ({ path: SHARED + key, external: true }));
  const r = await esbuild.build({ ...node, entryPoints: [features], format: 'esm', minify: false, write: false, outdir: join(root, 'dist'), logLevel: 'silent', plugins: [...node.plugins, plugin] });
  const text = r.outputFiles.find((f) => f.path.endsWith('.js')).text;
  const used = new Map();
  const add = (key, names) => {
    const had = used.get(key) ?? new Set();
    if (names === '*' || had === '*') used.set(key, '*');
    else used.set(key, new Set([...had, ...names]));
  };
  const re = /^(?:import|export)\s+([^;]*?)\s*from\s*"hogql-shared:([^"]+)";/gm;
  for (const [, clause, key] of text.matchAll(re)) {
    if (/\*/.test(clause)) add(key, '*');
    else {
      const braces = /\{([^}]*)\}/.exec(clause)?.[1] ?? '';
      const names = braces.split(',').map((n) => n.trim().split(/\s+as\s+/)[0]).filter(Boolean);
      if (/^\w+\s*(,|$)/.test(clause)) names.push('default');
      add(key, names);
    }
  }
  return used;
}

export async function sharedBundles(options, root) {
  const node = { ...options, plugins: [...(options.plugins ?? []), vscodeOnce] };
  const entry = join(root, 'src/extension.ts');
  const features = join(root, 'src/features.ts');
  const main = (used) => ({ ...node, entryPoints: [{ in: 'hogql-main', out: 'extension' }], outdir: join(root, 'dist'), metafile: true, plugins: [...node.plugins, mainEntry(entry, root, used)] });
  const inputsOf = async (options) => {
    const probe = await esbuild.build({ ...options, write: false, metafile: true, logLevel: 'silent' });
    return Object.keys(Object.values(probe.metafile.outputs).find((o) => o.entryPoint).inputs);
  };
  // The src/ modules features.js would hold on its own that extension.js holds too are shared. The
  // names exported for features.js may bring more modules into extension.js: probe again with those
  // shared too, until nothing is added (two or three rounds).
  const inFeatures = new Set(await inputsOf({ ...node, entryPoints: [features], outdir: join(root, 'dist') }));
  let shared = new Set();
  let used = new Map();
  for (;;) {
    const inMain = await inputsOf(main(used));
    const next = new Set(inMain.filter((f) => f.startsWith('src/') && f !== 'src/extension.ts' && inFeatures.has(f)));
    if (next.size === shared.size) break;
    shared = next;
    used = await usedNames(node, root, features, shared);
  }
  const fromMain = sharedResolver(root, shared, (key) => ({ path: key, namespace: 'hogql-shared' }));
  return [
    main(used),
    { ...node, entryPoints: [{ in: features, out: 'features' }], outdir: join(root, 'dist'), metafile: true, plugins: [...node.plugins, fromMain] },
  ];
}
