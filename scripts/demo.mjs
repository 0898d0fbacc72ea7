#!/usr/bin/env node
// `npm run demo`: the extension in a real VS Code (code-server) in your browser, with a sample
// workspace. Installs what it needs (scripts/setup.mjs), packages the extension, installs the .vsix,
// starts code-server and prints the URL to open. Ctrl+C stops everything.
//
//   npm run demo -- --port 8080 --host 127.0.0.1
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setup } from './setup.mjs';
import { packageExtension } from './package.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const argv = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : fallback;
};

setup();
const vsix = packageExtension({ quiet: true });
const host = await import('../test/support/host.mjs');
const dirs = host.prepareRun({ name: 'demo', vsix: vsix.path, workspace: join(root, 'demo', 'workspace') });
const server = await host.startCodeServer(dirs, {}, { port: Number(opt('port', 0)) || undefined, host: opt('host', '127.0.0.1') });

console.log('');
console.log('PostHog HogQL demo is running.');
console.log(`Open: ${server.workbenchUrl}`);
console.log(`(extension installed from ${vsix.path}; logs in ${dirs.run})`);
console.log('Press Ctrl+C to stop.');

const stop = async () => {
  await server.stop();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
