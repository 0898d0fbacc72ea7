/**
 * The registrations made before `activate()` (issue #21, s14): the command proxies and the
 * notebook's serializer proxy (src/shell.ts) need no ExtensionContext, so they are made while the
 * extension host waits for the extension's storage instead of inside `activate()`.
 *
 * How the host activates us (code-server 4.100.3 = VS Code 1.100.3, extHostExtensionService.ts
 * `_doActivateExtension`): it requires the bundle and, beside it, asks the workbench for the
 * extension's global and workspace state; `activate()` is called once both are done. The request
 * leaves on a timer (ipc.net.ts `ProtocolWriter._writeSoon`: `setTimeout`) scheduled before the
 * require, so a timer this bundle sets while it is evaluated fires after the request left, while its
 * answer is on its way (a round trip to the workbench that every extension waits for, the empty one
 * too). Since s15 the host requires the entry point (src/main.ts), whose own such timer requires this
 * bundle; this timer then fires just after, in the same wait. `activate()` makes what that timer has
 * not made (`finish`): every registration exists before the activation ends either way, as before. A
 * command called before `activate()` waits for it (`Shell.activate`), as a call from the workbench
 * waits for the activation.
 */
import * as vscode from 'vscode';
import { INTERNAL_COMMANDS, type Shell } from './shell';
import { NOTEBOOK_OPTIONS, NOTEBOOK_TYPE } from './notebook/type';
import { stopwatch } from './stopwatch';

interface Manifest {
  contributes?: { commands?: { command: string }[] };
}

/** When the registrations were made (performance.now()), their steps, and whether a timer made them before `activate()`. */
export interface EarlyTimes {
  readonly start: number;
  readonly end: number;
  readonly phases: Readonly<Record<string, number>>;
  readonly beforeActivate: boolean;
}

/** Every command of the extension: package.json's and the internal ones. */
export function commandIds(manifest: Manifest): string[] {
  return [...(manifest.contributes?.commands ?? []).map((c) => c.command), ...INTERNAL_COMMANDS];
}

/**
 * Sets the timer that makes the registrations; `finish(manifest)` (in `activate()`) makes them now
 * if it has not fired, and tells when they were made.
 */
export function registerEarly(shell: Shell): { finish(manifest: unknown): EarlyTimes } {
  let times: EarlyTimes | undefined;
  const run = (manifest: Manifest | undefined, beforeActivate: boolean): void => {
    if (times || !manifest) return;
    const { started, phases, lap } = stopwatch();
    shell.proxyCommands(commandIds(manifest));
    lap('command proxies');
    // VS Code opens the .hogqlnb file that activated us as soon as the activation ends
    shell.proxyNotebook(NOTEBOOK_TYPE, NOTEBOOK_OPTIONS);
    lap('notebook serializer');
    times = { start: started, end: performance.now(), phases, beforeActivate };
  };
  // the host's extension description: parsed already, no read of package.json
  const timer = setTimeout(() => run(vscode.extensions.getExtension(__EXTENSION_ID__)?.packageJSON as Manifest | undefined, true), 0);
  return {
    finish: (manifest) => {
      clearTimeout(timer);
      run(manifest as Manifest, false);
      return times!;
    },
  };
}
