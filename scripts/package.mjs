#!/usr/bin/env node
// Production build + `vsce package` → artifacts/vscode-hogql-<version>.vsix. Prints the path and size.
// The bundles carry their dependencies, so vsce runs with --no-dependencies.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

export function packageExtension({ quiet = false } = {}) {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const out = join(root, 'artifacts', `${pkg.name}-${pkg.version}.vsix`);
  mkdirSync(join(root, 'artifacts'), { recursive: true });
  const stdio = quiet ? ['ignore', 'ignore', 'inherit'] : 'inherit';
  execFileSync(process.execPath, [join(root, 'scripts/build.mjs'), '--production'], { cwd: root, stdio });
  execFileSync(process.execPath, [join(root, 'node_modules/@vscode/vsce/vsce'), 'package', '--no-dependencies', '--out', out], {
    cwd: root,
    stdio,
  });
  return { path: out, bytes: statSync(out).size };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { path, bytes } = packageExtension();
  console.log(`[package] ${path} (${(bytes / 1024).toFixed(1)} KiB)`);
}
