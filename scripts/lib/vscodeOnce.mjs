// esbuild plugin: every `import … from 'vscode'` of a bundle goes through one internal module,
// `export * from 'vscode'`, so the bundle copies the API object's ~300 properties once. Left to
// esbuild, each importing module wraps `require('vscode')` in its own `__toESM` copy: 24 copies in
// the activation bundle cost ~10 ms of CPU while it loads (issue #21).
export const vscodeOnce = {
  name: 'hogql-vscode-once',
  setup(build) {
    build.onResolve({ filter: /^vscode$/ }, (args) =>
      args.namespace === 'hogql-vscode' ? { path: 'vscode', external: true } : { path: 'vscode', namespace: 'hogql-vscode' },
    );
    build.onLoad({ filter: /.*/, namespace: 'hogql-vscode' }, () => ({ contents: "export * from 'vscode';", loader: 'js' }));
  },
};
