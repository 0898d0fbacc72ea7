import * as assert from 'node:assert/strict';
import { promptForKey, type PromptBox, type Validation } from '../../../src/auth/keyPrompt';
import { waitFor } from '../../support/waitFor';

/** A stand-in for vscode.InputBox that a test types into and accepts. */
class FakeBox implements PromptBox {
  value = '';
  busy = false;
  enabled = true;
  validationMessage: Validation;
  visible = false;
  private readonly listeners = { accept: [] as (() => void)[], hide: [] as (() => void)[], change: [] as ((v: string) => void)[] };
  private on<K extends keyof FakeBox['listeners']>(k: K, l: FakeBox['listeners'][K][number]): { dispose(): void } {
    (this.listeners[k] as unknown[]).push(l);
    return { dispose: () => void ((this.listeners[k] as unknown[]) = (this.listeners[k] as unknown[]).filter((x) => x !== l)) };
  }
  onDidAccept = (l: () => void) => this.on('accept', l);
  onDidHide = (l: () => void) => this.on('hide', l);
  onDidChangeValue = (l: (v: string) => void) => this.on('change', l);
  show(): void {
    this.visible = true;
  }
  hide(): void {
    if (!this.visible) return;
    this.visible = false;
    for (const l of this.listeners.hide) l();
  }
  dispose(): void {}
  type(v: string): void {
    this.value = v;
    for (const l of this.listeners.change) l(v);
  }
  accept(): void {
    for (const l of this.listeners.accept) l();
  }
  get message(): string {
    const m = this.validationMessage;
    return typeof m === 'string' ? m : (m?.message ?? '');
  }
}

const GOOD = 'phx_good';
const deps = (verified: string[]) => ({
  check: (v: string) => (v.startsWith('phc_') ? { ok: false, message: 'That is a project API key (phc_…).' } : { ok: true, cleaned: v.trim() }),
  verify: async (key: string) => {
    verified.push(key);
    if (key !== GOOD) throw Object.assign(new Error('x'), { userMessage: 'PostHog rejected the personal API key (phx_…_bad).' });
    return { email: 'ada@hedgebox.net' };
  },
  describe: (e: unknown) => (e as { userMessage?: string }).userMessage,
  severity: { error: 3, info: 1 },
});

describe('sign-in key box: failures show in the box, a success leaves nothing (issue #13 item 7)', () => {
  it('shows a rejected key inside the box, keeps it open, and closes it on the next good key', async () => {
    const box = new FakeBox();
    const verified: string[] = [];
    const out = promptForKey(box, deps(verified));
    assert.equal(box.visible, true);
    box.type('phx_bad');
    box.accept();
    await waitFor(() => box.message !== '', 1000, 'the failure in the box');
    assert.match(box.message, /rejected the personal API key/);
    assert.equal((box.validationMessage as { severity: number }).severity, 3, 'shown as an error');
    assert.equal(box.visible, true, 'the box stays open for another try');
    assert.equal(box.busy, false);
    assert.equal(box.enabled, true);
    box.type(GOOD);
    assert.equal(box.message, '', 'typing clears the old failure');
    box.accept();
    assert.deepEqual(await out, { key: GOOD, verified: { email: 'ada@hedgebox.net' } });
    assert.equal(box.visible, false, 'closed on success: no error is left on screen');
    assert.deepEqual(verified, ['phx_bad', GOOD]);
  });

  it('does not verify a key the offline check refuses, and closing the box resolves undefined', async () => {
    const box = new FakeBox();
    const verified: string[] = [];
    const out = promptForKey(box, deps(verified));
    box.type('phc_project');
    assert.match(box.message, /project API key/);
    box.accept();
    assert.deepEqual(verified, []);
    box.hide();
    assert.equal(await out, undefined);
  });

  it('closing the box while a key is checked cancels the check', async () => {
    const box = new FakeBox();
    let signal: AbortSignal | undefined;
    const out = promptForKey(box, { ...deps([]), verify: (_k: string, s: AbortSignal) => ((signal = s), new Promise<never>(() => {})) });
    box.type(GOOD);
    box.accept();
    assert.equal(box.busy, true);
    box.hide();
    assert.equal(await out, undefined);
    assert.equal(signal?.aborted, true);
  });
});
