// A real VS Code for tests, the demo and benchmarks: code-server (VS Code 1.100.3 in the browser)
// with the packaged extension installed from its .vsix, opened by a headless Debian Chromium driven
// through playwright-core. Every wait here is on a condition with a deadline, never a fixed sleep.
//
// Recipe and facts (workspace trust must be disabled or nothing activates; the extension host starts
// only when a browser opens the workbench; env vars of code-server reach the extension host):
// docs/testing.md.
import { spawn, execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { get } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../..', import.meta.url));
export const codeServerBin = join(root, '.cache', 'code-server', 'node_modules', '.bin', 'code-server');
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const EXTENSION_ID = 'hogql-dev.vscode-hogql';

export function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

/** Writes JSON atomically (temp file + rename) so a reader never sees half a file. */
export function writeJson(file, value) {
  writeFileSync(`${file}.tmp`, JSON.stringify(value, null, 2));
  renameSync(`${file}.tmp`, file);
}

/** Polls `fn` until it returns a truthy value; throws with `what` after `timeoutMs`. */
export async function waitFor(fn, timeoutMs, what, intervalMs = 50) {
  const deadline = Date.now() + timeoutMs;
  let lastError;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (e) {
      lastError = e;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${lastError ? `: ${lastError.message}` : ''}`);
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

const httpOk = (url) =>
  new Promise((resolve) => {
    const req = get(url, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('error', () => resolve(false));
    req.setTimeout(2000, () => req.destroy());
  });

/** The packaged test variant in artifacts/ (test hooks compiled in: `scripts/package.mjs --test-hooks`). */
export function findVsix() {
  const dir = join(root, 'artifacts');
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const file = join(dir, `${pkg.name}-${pkg.version}-test.vsix`);
  if (!existsSync(file)) throw new Error(`${file} not found: run node scripts/package.mjs --test-hooks first`);
  return file;
}

/** Quiet, offline-friendly user settings for the workbench. */
const USER_SETTINGS = {
  'telemetry.telemetryLevel': 'off',
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'security.workspace.trust.enabled': false,
  'chat.disableAIFeatures': true,
  'workbench.colorTheme': 'Default Dark Modern',
  'git.openRepositoryInParentFolders': 'never',
  'git.autoRepositoryDetection': false,
};

/**
 * Prepares a run directory: user data with settings, an extensions dir with the .vsix installed by
 * code-server itself (so packaging and installation are exercised), a workspace folder.
 */
export function prepareRun({ name, vsix = findVsix(), workspace, settings = {}, extraExtensions = [] }) {
  // One folder per run and process, so parallel runs on one checkout never share user data.
  const run = join(root, 'artifacts', 'runs', `${name}-${process.pid}`);
  rmSync(run, { recursive: true, force: true });
  const dirs = { run, ud: join(run, 'ud'), ext: join(run, 'ext'), ws: join(run, 'ws'), xdg: join(run, 'xdg') };
  for (const d of Object.values(dirs)) mkdirSync(d, { recursive: true });
  mkdirSync(join(dirs.ud, 'User'), { recursive: true });
  writeFileSync(join(dirs.ud, 'User', 'settings.json'), JSON.stringify({ ...USER_SETTINGS, ...settings }, null, 2));
  if (workspace) cpSync(workspace, dirs.ws, { recursive: true });
  const t0 = Date.now();
  if (vsix) {
    execFileSync(codeServerBin, ['--install-extension', vsix, '--extensions-dir', dirs.ext, '--user-data-dir', dirs.ud], {
      env: xdgEnv(dirs),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  }
  const installMs = Date.now() - t0;
  for (const { from, id } of extraExtensions) registerExtensionFolder(dirs.ext, from, id);
  return { ...dirs, installMs };
}

/**
 * Copies an unpacked extension (e.g. the test runner) into the extensions dir and lists it in
 * extensions.json: once `--install-extension` has written that file, code-server loads only the
 * extensions it names, so a folder copied next to them would be ignored.
 */
function registerExtensionFolder(extDir, from, folderName) {
  const target = join(extDir, folderName);
  cpSync(from, target, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(target, 'package.json'), 'utf8'));
  const listFile = join(extDir, 'extensions.json');
  const list = readJson(listFile) ?? [];
  list.push({
    identifier: { id: `${manifest.publisher}.${manifest.name}`.toLowerCase() },
    version: manifest.version,
    location: { $mid: 1, fsPath: target, external: `file://${target}`, path: target, scheme: 'file' },
    relativeLocation: folderName,
    metadata: { installedTimestamp: Date.now(), source: 'resource' },
  });
  writeJson(listFile, list);
}

function xdgEnv(dirs) {
  return { ...process.env, XDG_CONFIG_HOME: join(dirs.xdg, 'config'), XDG_DATA_HOME: join(dirs.xdg, 'data') };
}

/** Lists installed extension folder names (code-server names them `<publisher>.<name>-<version>`). */
export function installedExtensions(extDir) {
  return readdirSync(extDir).filter((d) => statSync(join(extDir, d)).isDirectory());
}

/** Starts code-server (on a free port unless one is given); resolves once /healthz answers. */
export async function startCodeServer(dirs, env = {}, { port: wantedPort, host = '127.0.0.1' } = {}) {
  const port = wantedPort ?? (await freePort());
  const logFile = join(dirs.run, 'code-server.log');
  const out = openSync(logFile, 'w');
  const child = spawn(
    codeServerBin,
    [
      '--auth', 'none',
      '--bind-addr', `${host}:${port}`,
      '--user-data-dir', dirs.ud,
      '--extensions-dir', dirs.ext,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--log', process.env.HOGQL_HOST_LOG || 'info',
      dirs.ws,
    ],
    { detached: true, stdio: ['ignore', out, out], env: { ...xdgEnv(dirs), ...env } },
  );
  const url = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`;
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  let gone = false;
  exited.then(() => (gone = true));
  await waitFor(async () => {
    if (gone) throw new Error(`code-server exited early; see ${logFile}`);
    return httpOk(`${url}/healthz`);
  }, 60_000, 'code-server /healthz');
  return {
    url,
    port,
    pid: child.pid,
    workbenchUrl: `${url}/?folder=${encodeURIComponent(dirs.ws)}`,
    async stop() {
      const alive = () => {
        try {
          process.kill(-child.pid, 0);
          return true;
        } catch {
          return false;
        }
      };
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        return;
      }
      try {
        await waitFor(() => !alive(), 5000, 'code-server to exit');
      } catch {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          /* already gone */
        }
      }
    },
  };
}

/** Launches headless Chromium with the flags this offline machine needs. */
export async function launchBrowser() {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      '--disable-dev-shm-usage',
    ],
  });
}

/** The extension-host log of the newest session in a run's user data dir. */
export function extHostLog(dirs) {
  const logs = join(dirs.ud, 'logs');
  if (!existsSync(logs)) return '';
  for (const session of readdirSync(logs).sort().reverse()) {
    const dir = join(logs, session);
    for (const sub of readdirSync(dir)) {
      const f = join(dir, sub, 'remoteexthost.log');
      if (sub.startsWith('exthost') && existsSync(f)) return readFileSync(f, 'utf8');
    }
  }
  return '';
}

/** Opens the workbench and waits until it is drawn and the extension host has started its extensions. */
export async function openWorkbench(browser, server, dirs, { viewport = { width: 1400, height: 900 } } = {}) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  page.on('pageerror', (e) => {
    if (process.env.HOGQL_DEBUG) console.log('[page error]', e.message);
  });
  await page.goto(server.workbenchUrl);
  await page.waitForSelector('.monaco-workbench', { timeout: 90_000 });
  await waitFor(() => /Eager extensions activated/.test(extHostLog(dirs)), 90_000, 'extension host start');
  return { context, page };
}
