// One UI-test session: optionally a local PostHog emulator, a fresh code-server with the packaged
// extension (and, with `signIn`, signed in to that emulator through the demo bootstrap extension),
// and a headless Chromium on the workbench. `close()` tears everything down in reverse order.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { root, prepareRun, startCodeServer, launchBrowser, openWorkbench } from './host.mjs';
import { startEmulator } from './emulator.mjs';

export const SCREENSHOTS = join(root, 'artifacts', 'screenshots');
const DEFAULT_WORKSPACE = join(root, 'test', 'fixtures', 'workspace');
const BOOTSTRAP = { from: join(root, 'demo', 'bootstrap'), id: 'hogql-dev.demo-bootstrap-0.0.1' };

/**
 * @param {{ name: string, workspace?: string, emulator?: object, signIn?: boolean, open?: string,
 *           env?: (dirs: object) => Record<string, string>,
 *           settings?: (emulator: object | undefined) => Record<string, unknown> }} opts
 */
export async function openSession({ name, workspace = DEFAULT_WORKSPACE, emulator: emulatorOpts, signIn = false, open, env = () => ({}), settings = () => ({}) }) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const session = { emulator: undefined, server: undefined, browser: undefined, dirs: undefined, page: undefined };
  session.close = async () => {
    await session.browser?.close().catch(() => {});
    await session.server?.stop();
    await session.emulator?.stop();
  };
  try {
    if (emulatorOpts) session.emulator = await startEmulator({ rateLimits: false, ...emulatorOpts });
    session.dirs = prepareRun({ name, workspace, settings: settings(session.emulator), extraExtensions: signIn ? [BOOTSTRAP] : [] });
    const emu = session.emulator;
    const signInEnv = signIn
      ? {
          HOGQL_DEMO_SIGNIN: JSON.stringify({ host: emu.url, key: emu.personalKey, projectId: emu.projects[0].id }),
          ...(open ? { HOGQL_DEMO_OPEN: open } : {}),
        }
      : {};
    session.server = await startCodeServer(session.dirs, { ...signInEnv, ...env(session.dirs) });
    session.browser = await launchBrowser();
    ({ page: session.page } = await openWorkbench(session.browser, session.server, session.dirs));
  } catch (e) {
    await session.close();
    throw e;
  }
  return session;
}
