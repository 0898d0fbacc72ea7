/**
 * The sign-in key box that checks the key before it closes (no `vscode` import: the box is passed
 * in, so this runs in plain Node tests). A failure (a rejected key, a missing scope, an
 * unreachable host) is shown as the box's own validation message and the box stays open for
 * another try; a success closes it. Nothing is left on screen as a toast: a failed attempt
 * followed by a successful one leaves no stale error behind (issue #13 item 7).
 */

export type Validation = string | { message: string; severity: number } | undefined;

/** The part of `vscode.InputBox` used here. */
export interface PromptBox {
  value: string;
  busy: boolean;
  enabled: boolean;
  validationMessage: Validation;
  onDidAccept(listener: () => void): { dispose(): void };
  onDidHide(listener: () => void): { dispose(): void };
  onDidChangeValue(listener: (value: string) => void): { dispose(): void };
  show(): void;
  hide(): void;
  dispose(): void;
}

export interface KeyCheck {
  ok: boolean;
  message?: string;
  cleaned?: string;
}

export interface PromptDeps<T> {
  /** Offline check of what is typed (key kind, typos). */
  check(value: string): KeyCheck;
  /** Online check of a key; rejects with the reason it cannot be used. */
  verify(key: string, signal: AbortSignal): Promise<T>;
  /** The text shown for a failure, or undefined to show nothing (a cancellation). */
  describe(error: unknown): string | undefined;
  severity: { error: number; info: number };
}

/** Shows the box; resolves with the verified key and what `verify` returned, or undefined when closed. */
export function promptForKey<T>(box: PromptBox, deps: PromptDeps<T>): Promise<{ key: string; verified: T } | undefined> {
  const offline = (value: string): Validation => {
    if (value === '') return undefined; // don't nag before anything is typed
    const c = deps.check(value);
    if (!c.ok) return { message: c.message ?? 'This key cannot be used.', severity: deps.severity.error };
    return c.message ? { message: c.message, severity: deps.severity.info } : undefined;
  };
  return new Promise((resolve) => {
    let attempt: AbortController | undefined;
    let done = false;
    const finish = (out: { key: string; verified: T } | undefined): void => {
      if (done) return;
      done = true;
      attempt?.abort();
      for (const s of subs) s.dispose();
      box.hide();
      box.dispose();
      resolve(out);
    };
    const accept = async (): Promise<void> => {
      const c = deps.check(box.value);
      if (!c.ok || !c.cleaned || attempt) return; // the offline message is already shown
      const ac = (attempt = new AbortController());
      box.busy = true;
      box.enabled = false;
      box.validationMessage = undefined;
      try {
        const verified = await deps.verify(c.cleaned, ac.signal);
        if (!ac.signal.aborted) finish({ key: c.cleaned, verified });
      } catch (e) {
        if (done || ac.signal.aborted) return;
        const text = deps.describe(e);
        box.validationMessage = text === undefined ? undefined : { message: text, severity: deps.severity.error };
      } finally {
        if (attempt === ac) attempt = undefined;
        if (!done) {
          box.busy = false;
          box.enabled = true;
        }
      }
    };
    const subs = [
      box.onDidChangeValue((v) => {
        box.validationMessage = offline(v);
      }),
      box.onDidAccept(() => void accept()),
      box.onDidHide(() => finish(undefined)),
    ];
    box.show();
  });
}
