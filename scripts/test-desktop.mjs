#!/usr/bin/env node
// `npm run test:desktop`: the host tests in desktop VS Code via @vscode/test-electron, for
// contributors with internet access (it downloads VS Code; offline machines use `npm test`, which
// runs the same tests in code-server). The extension loads from this folder (development mode).
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';

const root = fileURLToPath(new URL('..', import.meta.url));
execFileSync(process.execPath, [join(root, 'scripts/build.mjs')], { stdio: 'inherit' });
try {
  await runTests({
    version: process.env.VSCODE_VERSION || '1.100.3',
    extensionDevelopmentPath: root,
    extensionTestsPath: join(root, 'test/desktop/index.cjs'),
    extensionTestsEnv: { HOGQL_DESKTOP: '1' },
    launchArgs: [join(root, 'test/fixtures/workspace'), '--disable-extensions', '--disable-workspace-trust'],
  });
} catch (e) {
  console.error(`desktop host tests failed: ${e.message}`);
  process.exit(1);
}
