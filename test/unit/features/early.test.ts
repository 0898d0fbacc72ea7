// Issue #21, s14: the command proxies and the notebook's serializer proxy are registered before
// `activate()` (src/early.ts: on a timer set while the bundle is evaluated, which the extension host
// runs while it waits for the extension's storage), so a call can reach a proxy before `activate()`
// has built what the handlers need. Such a call waits for it (Shell.activate), as a call from the
// workbench waits for the activation; a command whose handler is bound just after activation (the
// language and code intelligence commands) binds it first. VS Code's API is played by a small fake.
import assert from 'node:assert/strict';
import Module from 'node:module';
import { join } from 'node:path';

type Handler = (...args: unknown[]) => unknown;
const registered = new Map<string, Handler>();
const serializers = new Map<string, { deserializeNotebook: Handler }>();
let manifest: unknown;
const fake = {
  commands: {
    registerCommand: (id: string, handler: Handler) => {
      if (registered.has(id)) throw new Error(`command '${id}' already exists`);
      registered.set(id, handler);
      return { dispose: () => registered.delete(id) };
    },
  },
  workspace: {
    registerNotebookSerializer: (type: string, serializer: { deserializeNotebook: Handler }) => {
      serializers.set(type, serializer);
      return { dispose: () => serializers.delete(type) };
    },
  },
  extensions: { getExtension: (id: string) => (id === __EXTENSION_ID__ && manifest ? { packageJSON: manifest } : undefined) },
  Disposable: class {
    constructor(private readonly fn: () => void) {}
    dispose(): void {
      this.fn();
    }
  },
};

// `vscode` for the modules under test: the fake above
const FAKE = join(__dirname, 'fake-vscode.js');
const resolving = Module as unknown as { _resolveFilename: (request: string, ...rest: unknown[]) => string };
const resolve = resolving._resolveFilename;
resolving._resolveFilename = function (request: string, ...rest: unknown[]) {
  return request === 'vscode' ? FAKE : resolve.call(this, request, ...rest);
};
require.cache[FAKE] = { id: FAKE, filename: FAKE, loaded: true, exports: fake } as unknown as NodeJS.Module;
/* eslint-disable @typescript-eslint/no-require-imports -- loaded after the fake is in place */
const { Shell } = require('../../../src/shell') as typeof import('../../../src/shell');
const { registerEarly } = require('../../../src/early') as typeof import('../../../src/early');
/* eslint-enable @typescript-eslint/no-require-imports */

const MANIFEST = { contributes: { commands: [{ command: 'hogql.runQuery' }, { command: 'hogql.newQuery' }] } };
const nextTimer = (): Promise<void> => new Promise((r) => setTimeout(r, 0));

describe('registrations before activate() (src/early.ts, issue #21)', () => {
  beforeEach(() => {
    registered.clear();
    serializers.clear();
    manifest = MANIFEST;
  });

  it("registers every command's proxy and the notebook serializer on a timer, before activate()", async () => {
    const early = registerEarly(new Shell(() => {}));
    assert.equal(registered.size, 0, 'nothing while the bundle is evaluated');
    await nextTimer();
    assert.ok(registered.has('hogql.runQuery') && registered.has('hogql.newQuery') && registered.has('hogql.checkSyntax'), [...registered.keys()].join(', '));
    assert.ok(serializers.has('hogql-notebook'));
    const times = early.finish(MANIFEST);
    assert.equal(times.beforeActivate, true);
    assert.ok(times.phases['command proxies']! >= 0 && times.end >= times.start);
  });

  it('registers them in activate() (finish) when the timer has not fired, once', async () => {
    const early = registerEarly(new Shell(() => {}));
    const times = early.finish(MANIFEST);
    assert.equal(times.beforeActivate, false);
    assert.ok(registered.has('hogql.runQuery'));
    await nextTimer(); // the timer was cleared: a second registration would throw "already exists"
    assert.equal(early.finish(MANIFEST), times);
  });

  it('holds a call made before activate() until activate() has built the context, then runs it', async () => {
    let loaded = 0;
    const shell = new Shell(() => {
      loaded++;
      shell.command('hogql.runQuery', (...args: unknown[]) => `ran ${args.join(',')}`);
    });
    registerEarly(shell);
    await nextTimer();
    const answer = registered.get('hogql.runQuery')!('a', 'b');
    assert.ok(answer instanceof Promise, 'a call before activate() waits');
    await nextTimer();
    assert.equal(loaded, 0, 'no feature loads before activate()');
    shell.activate();
    assert.equal(await answer, 'ran a,b');
    assert.equal(registered.get('hogql.runQuery')!('c'), 'ran c', 'after activate() a call runs at once');
    assert.equal(loaded, 1);
  });

  it('opens a notebook asked for before activate() once activate() has run', async () => {
    const shell = new Shell(() => shell.notebookSerializer('hogql-notebook', { deserializeNotebook: () => ({ cells: ['x'] }), serializeNotebook: () => new Uint8Array() } as never, {}));
    registerEarly(shell);
    await nextTimer();
    const data = serializers.get('hogql-notebook')!.deserializeNotebook(new Uint8Array(), undefined);
    assert.ok(data instanceof Promise);
    shell.activate();
    assert.deepEqual(await data, { cells: ['x'] });
  });

  it('binds a command of the work just after activation (language, code intelligence) before loading the features', async () => {
    let loaded = 0;
    let settled = 0;
    const shell = new Shell(
      () => loaded++,
      () => {
        if (settled++ === 0) shell.command('hogql.newQuery', () => 'new');
      },
    );
    registerEarly(shell);
    await nextTimer();
    shell.activate();
    assert.equal(registered.get('hogql.newQuery')!(), 'new');
    assert.equal(settled, 1);
    assert.equal(loaded, 0, 'the features bundle is not loaded for a command it does not hold');
  });

  it('fails the calls held for activate() when it throws, and drops the proxies', async () => {
    const shell = new Shell(() => shell.command('hogql.runQuery', () => 'ran'));
    registerEarly(shell);
    await nextTimer();
    const answer = registered.get('hogql.runQuery')!() as Promise<unknown>;
    shell.failed(new Error('no storage'));
    await assert.rejects(answer, /PostHog HogQL failed to start: no storage/);
    assert.equal(registered.size, 0, 'a later call finds no command, as before the proxies were made early');
    assert.equal(serializers.size, 0);
  });

  it('registers nothing from the timer when the host has no manifest for the id (activate() does)', async () => {
    manifest = undefined;
    const early = registerEarly(new Shell(() => {}));
    await nextTimer();
    assert.equal(registered.size, 0);
    assert.equal(early.finish(MANIFEST).beforeActivate, false);
    assert.ok(registered.has('hogql.runQuery'));
  });
});
