// Issue #16: the results feature lives in src/results/, which both sides import and which imports
// neither side: no `vscode`, nothing from src/webview, src/query, src/commands or webview-ui; and
// webview-ui reaches into src/ only through src/results/. Imports are read with TypeScript's own
// pre-processor (static, `export … from`, side-effect, dynamic `import()` and `require()`).
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import * as ts from 'typescript';

const ROOT = join(__dirname, '..', '..', '..');

/** Every .ts file under `dir`, recursively. */
function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : tsFiles(p);
    return e.name.endsWith('.ts') ? [p] : [];
  });
}

/** The module specifiers `source` imports, in any form. */
function importsOf(source: string): string[] {
  return ts.preProcessFile(source, true, true).importedFiles.map((f) => f.fileName);
}

/** Where a specifier of `file` points, relative to the repository root (`/`-separated), or the bare name. */
function target(file: string, spec: string): string {
  if (!spec.startsWith('.')) return spec;
  return relative(ROOT, resolve(dirname(file), spec)).split(sep).join('/');
}

const FORBIDDEN_IN_RESULTS = ['src/webview', 'src/query', 'src/commands', 'webview-ui'];
const under = (path: string, folder: string): boolean => path === folder || path.startsWith(`${folder}/`);

/** Why `spec` may not be imported by `file` under src/results/, or undefined when it may. */
function resultsViolation(file: string, spec: string): string | undefined {
  if (spec === 'vscode' || spec.startsWith('vscode/')) return 'imports vscode';
  const to = target(file, spec);
  const folder = FORBIDDEN_IN_RESULTS.find((f) => under(to, f));
  return folder ? `imports ${to} (from ${folder}/)` : undefined;
}

/** Why `spec` may not be imported by `file` under webview-ui/, or undefined when it may. */
function webviewViolation(file: string, spec: string): string | undefined {
  if (spec === 'vscode') return 'imports vscode';
  const to = target(file, spec);
  return under(to, 'src') && !under(to, 'src/results') ? `imports ${to} (outside src/results/)` : undefined;
}

function violations(dir: string, rule: (file: string, spec: string) => string | undefined): string[] {
  return tsFiles(join(ROOT, dir)).flatMap((file) =>
    importsOf(readFileSync(file, 'utf8')).flatMap((spec) => {
      const why = rule(file, spec);
      return why ? [`${relative(ROOT, file)} ${why}`] : [];
    }),
  );
}

describe('results feature boundaries (issue #16)', () => {
  it('src/results/ imports no vscode and nothing from src/webview, src/query, src/commands or webview-ui', () => {
    assert.ok(tsFiles(join(ROOT, 'src', 'results')).length >= 10, 'the results modules are in src/results/');
    assert.deepEqual(violations('src/results', resultsViolation), []);
  });

  it('webview-ui/ imports from src/ only what is under src/results/', () => {
    assert.deepEqual(violations('webview-ui', webviewViolation), []);
  });

  it('the scan sees every import form, and the rules catch what they forbid', () => {
    const file = join(ROOT, 'src', 'results', 'x.ts');
    const src = [
      "import * as vscode from 'vscode';",
      "import type { Ctx } from '../ctx';",
      "import {\n  a,\n  b,\n} from '../webview/resultsPanel';",
      "export { c } from '../query/runner';",
      "import '../commands/errors';",
      "const d = import('../../webview-ui/results/app');",
      "const e = require('./format');",
    ].join('\n');
    const specs = importsOf(src);
    assert.deepEqual(specs, ['vscode', '../ctx', '../webview/resultsPanel', '../query/runner', '../commands/errors', '../../webview-ui/results/app', './format']);
    assert.deepEqual(specs.map((s) => resultsViolation(file, s) !== undefined), [true, false, true, true, true, true, false]);
    const view = join(ROOT, 'webview-ui', 'results', 'x.ts');
    assert.ok(webviewViolation(view, '../../src/query/format'));
    assert.ok(webviewViolation(view, '../../src/protocol/results'));
    assert.equal(webviewViolation(view, '../../src/results/format'), undefined);
    assert.equal(webviewViolation(view, './dom'), undefined);
  });
});
