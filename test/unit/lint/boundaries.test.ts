// The import-boundary rule of eslint.config.mjs fires on wrong-way imports and stays quiet on the
// allowed ones (so `npm test`'s lint step can fail for the right reason).
import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { Linter } from 'eslint';
import tseslint from 'typescript-eslint';

const ROOT = join(__dirname, '..', '..', '..');

interface Config {
  plugins: Record<string, unknown>;
}

async function boundaryErrors(file: string, code: string): Promise<string[]> {
  const configs = ((await import(join(ROOT, 'eslint.config.mjs'))) as { default: Config[] }).default;
  const plugin = configs.find((c) => c.plugins && 'boundaries' in c.plugins)!.plugins.boundaries;
  const linter = new Linter({ configType: 'flat', cwd: ROOT });
  const messages = linter.verify(
    code,
    [{ files: ['**/*.ts'], plugins: { boundaries: plugin as never }, rules: { 'boundaries/imports': 'error' }, languageOptions: { parser: tseslint.parser, ecmaVersion: 2022, sourceType: 'module' } }],
    { filename: join(ROOT, file) },
  );
  return messages.map((m) => m.message);
}

describe('lint: import boundaries (eslint.config.mjs)', function () {
  this.timeout(20_000);

  it('a feature importing commands/ is an error', async () => {
    const errors = await boundaryErrors('src/views/x.ts', "import { queryCommands } from '../commands/query';\n");
    assert.equal(errors.length, 1);
    assert.match(errors[0]!, /src\/views\/x\.ts → src\/commands\/query: Features never import commands/);
  });

  it('pure folders may not import vscode, and src/api/ nothing outside itself', async () => {
    assert.equal((await boundaryErrors('src/api/x.ts', "import * as vscode from 'vscode';\n")).length, 1);
    assert.equal((await boundaryErrors('src/api/resources/x.ts', "import { config } from '../../config';\n")).length, 1);
    assert.equal((await boundaryErrors('src/language/hogql/x.ts', "const v = require('vscode');\n")).length, 1);
    assert.equal((await boundaryErrors('src/results/x.ts', "export { a } from '../query/runner';\n")).length, 1);
  });

  it('views and webview never import each other; webview-ui only imports src/results/', async () => {
    assert.equal((await boundaryErrors('src/views/x.ts', "import { P } from '../webview/panel';\n")).length, 1);
    assert.equal((await boundaryErrors('src/webview/x.ts', "import { P } from '../views/sidebar';\n")).length, 1);
    assert.equal((await boundaryErrors('webview-ui/results/x.ts', "import { f } from '../../src/query/format';\n")).length, 1);
  });

  it('allowed arrows pass', async () => {
    assert.deepEqual(await boundaryErrors('src/commands/x.ts', "import { Sidebar } from '../views/sidebar';\nimport { R } from '../webview/panel';\n"), []);
    assert.deepEqual(await boundaryErrors('src/api/resources/x.ts', "import { Transport } from '../transport';\nimport { request } from 'undici';\n"), []);
    assert.deepEqual(await boundaryErrors('src/views/x.ts', "import { showError } from '../ui/errors';\nimport type { Insight } from '../api/resources/insights';\n"), []);
    assert.deepEqual(await boundaryErrors('webview-ui/results/x.ts', "import type { ToView } from '../../src/results/protocol';\n"), []);
    // src/results/ may take the query answer's types from src/api/, never its code
    assert.deepEqual(await boundaryErrors('src/results/x.ts', "import type { HogQLQueryResponse } from '../api/resources/querySchemas';\n"), []);
    assert.equal((await boundaryErrors('src/results/x.ts', "import { toPayload } from '../api/resources/querySchemas';\n")).length, 1);
    // src/text/: pure leaves both may import (one rule for integer safety); they import nothing of the extension
    assert.deepEqual(await boundaryErrors('src/api/x.ts', "import { isSafeIntegerLiteral } from '../text/integerLiteral';\n"), []);
    assert.deepEqual(await boundaryErrors('src/results/x.ts', "import { isSafeIntegerLiteral } from '../text/integerLiteral';\n"), []);
    assert.equal((await boundaryErrors('src/text/x.ts', "import { toCell } from '../results/response';\n")).length, 1);
  });
});
