// ESLint (flat config) with typescript-eslint: type-aware rules plus the import boundaries drawn in
// docs/architecture.md (a small local rule, `boundaries/imports`, below). `npm test` runs it.
import { dirname, relative, resolve } from 'node:path';
import tseslint from 'typescript-eslint';

const root = import.meta.dirname;

/**
 * Which imports each part of the code may make. `from`: path prefixes (relative to the repo root) of
 * the importing file; `deny`: prefixes of what it must not import (`vscode` for the module);
 * `allow`: exceptions to `deny`; `allowTypes`: exceptions for `import type` only.
 */
export const BOUNDARIES = [
  {
    from: ['src/api/'],
    deny: ['vscode', 'src/'],
    allow: ['src/api/', 'src/text/'],
    message: 'src/api/ is self-contained and pure: it imports nothing of the extension outside src/api/ (but the pure leaves in src/text/), and no vscode.',
  },
  {
    from: ['src/text/'],
    deny: ['vscode', 'src/'],
    allow: ['src/text/'],
    message: 'src/text/ holds pure leaves shared by src/api/, src/results/ and webview-ui/: it imports nothing of the extension outside it, and no vscode.',
  },
  {
    from: ['src/results/'],
    deny: ['vscode', 'src/'],
    allow: ['src/results/', 'src/text/'],
    // The query answer's types (erased at build time: the webview bundle gets no API code).
    allowTypes: ['src/api/'],
    message: 'src/results/ is pure (shared by the host and the webview): no vscode, nothing of the extension outside it.',
  },
  { from: ['src/language/hogql/', 'src/codeIntel/scan/', 'src/auth/keyKind.ts', 'src/text/', 'src/notebook/format.ts', 'src/notebook/markdown.ts', 'src/notebook/jsonPlace.ts'], deny: ['vscode'], message: 'This code is pure (plain Node, unit-tested without VS Code): no vscode here.' },
  {
    from: ['src/views/', 'src/query/', 'src/notebook/', 'src/language/', 'src/codeIntel/', 'src/results/', 'src/webview/', 'src/auth/', 'src/api/', 'src/ui/', 'src/text/', 'src/config.ts', 'src/log.ts', 'src/apiLoader.ts', 'src/languageLoader.ts'],
    deny: ['src/commands/', 'src/extension'],
    message: 'Features never import commands/ (or extension.ts): extension → commands → features → auth, api.',
  },
  { from: ['src/views/'], deny: ['src/webview/'], message: 'views/ and webview/ never import each other; they meet in commands/.' },
  { from: ['src/webview/'], deny: ['src/views/'], message: 'views/ and webview/ never import each other; they meet in commands/.' },
  {
    from: ['webview-ui/'],
    deny: ['vscode', 'src/'],
    allow: ['src/results/', 'src/text/'],
    message: 'webview-ui/ imports only src/results/ (the protocol and the pure model).',
  },
];

/** The repo-relative path an import refers to (`src/views/format`), or the bare module name. */
function target(file, source) {
  if (!source.startsWith('.')) return source;
  return relative(root, resolve(dirname(file), source)).split('\\').join('/');
}

const startsWithAny = (path, prefixes) => prefixes.some((p) => path === p.replace(/\/$/, '') || path.startsWith(p));

const boundaries = {
  rules: {
    imports: {
      meta: { type: 'problem', docs: { description: 'Import boundaries between folders (docs/architecture.md).' }, schema: [] },
      create(context) {
        const file = relative(root, context.filename).split('\\').join('/');
        const rules = BOUNDARIES.filter((b) => startsWithAny(file, b.from));
        if (rules.length === 0) return {};
        const check = (node, source) => {
          if (typeof source !== 'string') return;
          const to = target(context.filename, source);
          const typeOnly = node.importKind === 'type' || node.exportKind === 'type';
          for (const b of rules) {
            if (startsWithAny(to, b.deny) && !startsWithAny(to, b.allow ?? []) && !(typeOnly && startsWithAny(to, b.allowTypes ?? []))) {
              context.report({ node, message: `${file} → ${to}: ${b.message}` });
              return;
            }
          }
        };
        return {
          ImportDeclaration: (n) => check(n, n.source.value),
          ExportNamedDeclaration: (n) => n.source && check(n, n.source.value),
          ExportAllDeclaration: (n) => check(n, n.source.value),
          ImportExpression: (n) => n.source.type === 'Literal' && check(n, n.source.value),
          CallExpression: (n) =>
            n.callee.type === 'Identifier' && n.callee.name === 'require' && n.arguments[0]?.type === 'Literal' && check(n, n.arguments[0].value),
        };
      },
    },
  },
};

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'artifacts/**', '.cache/**', 'node_modules/**', 'emulator/**', 'test/**', 'scripts/**', 'demo/**', '**/*.mjs', '**/*.cjs', '**/*.js'] },
  {
    files: ['src/**/*.ts', 'webview-ui/**/*.ts'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: root } },
    plugins: { boundaries },
    rules: {
      'boundaries/imports': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: false }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Server data is untrusted and checked once at the API boundary (valibot); past it the types
      // hold. These rules would flag every use of `unknown` JSON on the way in, so they stay off.
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/restrict-template-expressions': 'off',
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-redundant-type-constituents': 'off',
      '@typescript-eslint/only-throw-error': 'off',
      '@typescript-eslint/prefer-promise-reject-errors': 'off',
      '@typescript-eslint/unbound-method': 'off',
      '@typescript-eslint/no-base-to-string': 'off',
    },
  },
);
