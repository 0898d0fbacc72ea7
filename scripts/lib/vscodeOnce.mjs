// esbuild plugin: every `import … from 'vscode'` of a bundle goes through one internal module that
// requires 'vscode' once. Left to esbuild, each importing module wraps `require('vscode')` in its own
// `__toESM` copy of the API object's ~300 properties: 24 copies in the activation bundle cost ~10 ms
// of CPU while it loads (issue #21). Since s12 the module does not copy them at all (`export *` from
// an external module is one such copy, ~0.5–1 ms per bundle): it exports each name of the API
// (read from @types/vscode) as a pure read of the API object, so a bundle reads only the names it uses.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** The API's runtime names: `export namespace|class|enum|function|const|let` at the top of `declare module 'vscode'`. */
export function vscodeApiNames() {
  const dts = readFileSync(createRequire(import.meta.url).resolve('@types/vscode/index.d.ts'), 'utf8');
  return [...new Set([...dts.matchAll(/^\texport (?:namespace|class|enum|function|const|let|var) (\w+)/gm)].map((m) => m[1]))];
}

function moduleSource() {
  const lines = ["const api = require('vscode');", '/** One name of the API object, read when used (esbuild drops unused pure reads). */', 'const pick = (name) => api[name];'];
  for (const name of vscodeApiNames()) lines.push(`export const ${name} = /* @__PURE__ */ pick(${JSON.stringify(name)});`);
  return lines.join('\n');
}

export const vscodeOnce = {
  name: 'hogql-vscode-once',
  setup(build) {
    build.onResolve({ filter: /^vscode$/ }, (args) =>
      args.namespace === 'hogql-vscode' ? { path: 'vscode', external: true } : { path: 'vscode', namespace: 'hogql-vscode' },
    );
    build.onLoad({ filter: /.*/, namespace: 'hogql-vscode' }, () => ({ contents: moduleSource(), loader: 'js' }));
  },
};
