#!/usr/bin/env node
// Starts the PostHog emulator (`posthog-emulator` when installed). In a checkout, rebuilds dist/ with
// esbuild when it is missing or older than src/.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist', 'main.js');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

// A checkout has src/ and rebuilds dist/ when it is stale; an installed package (npm pack, npx)
// ships dist/ only.
const hasSource = existsSync(join(root, 'src'));
const stale = hasSource && (!existsSync(dist) || !existsSync(join(root, 'dist', 'child.js')) || newestMtime(join(root, 'src')) > statSync(dist).mtimeMs);
if (stale) {
  const { buildEmulator } = await import('../build.mjs');
  await buildEmulator();
}
createRequire(import.meta.url)(dist);
