#!/usr/bin/env node
// Production build + `vsce package` → artifacts/vscode-hogql-<version>.vsix. Prints the path and size.
// The bundles carry their dependencies, so vsce runs with --no-dependencies.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * Builds and packages under an exclusive lock: the production build rewrites dist/, so two
 * packagers at once (parallel test runs on one checkout) would ship each other's half-built files.
 */
function withLock(fn) {
  const lock = join(root, 'artifacts', '.package.lock');
  mkdirSync(join(root, 'artifacts'), { recursive: true });
  const deadline = Date.now() + 5 * 60_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // A lock older than 5 minutes is left over from a killed run.
      try {
        if (Date.now() - statSync(lock).mtimeMs > 5 * 60_000) rmSync(lock, { recursive: true, force: true });
      } catch {
        /* gone meanwhile */
      }
      if (Date.now() > deadline) throw new Error(`could not take ${lock}`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
    }
  }
  try {
    return fn();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

export function packageExtension(opts = {}) {
  return withLock(() => packageUnlocked(opts));
}

/**
 * `testHooks`: the test variant (`…-test.vsix`, test hooks compiled in) that the host and UI tests
 * and the benchmarks install; without it, the release build (no test hooks).
 */
function packageUnlocked({ quiet = false, testHooks = false } = {}) {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const out = join(root, 'artifacts', `${pkg.name}-${pkg.version}${testHooks ? '-test' : ''}.vsix`);
  mkdirSync(join(root, 'artifacts'), { recursive: true });
  const stdio = quiet ? ['ignore', 'ignore', 'inherit'] : 'inherit';
  execFileSync(process.execPath, [join(root, 'scripts/build.mjs'), '--production', ...(testHooks ? ['--test-hooks'] : [])], { cwd: root, stdio });
  execFileSync(process.execPath, [join(root, 'node_modules/@vscode/vsce/vsce'), 'package', '--no-dependencies', '--out', out], {
    cwd: root,
    stdio,
  });
  return { path: out, bytes: statSync(out).size };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { path, bytes } = packageExtension({ testHooks: process.argv.includes('--test-hooks') });
  console.log(`[package] ${path} (${(bytes / 1024).toFixed(1)} KiB)`);
}
