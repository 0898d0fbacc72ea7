#!/usr/bin/env node
// `npm run demo`: a local PostHog (the emulator, with sample data) and the extension in a real VS
// Code (code-server) in your browser, already signed in to the emulator, with a sample workspace.
// Installs what it needs (scripts/setup.mjs), packages the extension, installs the .vsix, starts both
// and prints the URL to open. Ctrl+C stops everything.
//
//   npm run demo -- --port 8080 --host 127.0.0.1 --events 100000 --emulator-port 8010
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
const { startEmulator } = await import('../test/support/emulator.mjs');
console.log('Starting the local PostHog (sample data is generated on the first start)…');
const emulator = await startEmulator({
  events: Number(opt('events', 100_000)),
  port: Number(opt('emulator-port', 0)),
  dataDir: join(root, '.cache', 'demo-emulator'),
});
const dirs = host.prepareRun({
  name: 'demo',
  vsix: vsix.path,
  workspace: join(root, 'demo', 'workspace'),
  extraExtensions: [{ from: join(root, 'demo', 'bootstrap'), id: 'hogql-dev.demo-bootstrap-0.0.1' }],
});
const server = await host.startCodeServer(
  dirs,
  { HOGQL_DEMO_SIGNIN: JSON.stringify({ host: emulator.url, key: emulator.personalKey, projectId: emulator.projects[0].id }) },
  { port: Number(opt('port', 0)) || undefined, host: opt('host', '127.0.0.1') },
);

console.log('');
console.log('PostHog HogQL demo is running.');
console.log(`Open: ${server.workbenchUrl}`);
console.log(`(extension installed from ${vsix.path}; logs in ${dirs.run})`);
console.log('');
console.log(`Local PostHog: ${emulator.url}`);
console.log(`  personal API key: ${emulator.personalKey}   (already signed in)`);
for (const p of emulator.projects) console.log(`  project ${p.id} "${p.name}": project key ${p.apiToken}`);
// The emulator's own start gives HogQL PostHog's generous tier (2400/hour, teams with API queries).
const limit = emulator.rateLimits;
if (limit) console.log(limit.enabled ? `  HogQL queries: up to ${String(limit.query).replace('/', ' per ')} per key (PostHog's limit for teams with API queries)` : '  HogQL queries: no rate limits');
console.log('Press Ctrl+C to stop.');

const stop = async () => {
  await server.stop();
  await emulator.stop({ keepData: true });
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
