/**
 * Requiring a module on a timer (issue #21, s15), for the extension's entry point (src/main.ts).
 *
 * The extension host requires the manifest's `main` synchronously, then waits for the extension's
 * storage (a round trip to the workbench that every extension waits for, the empty one too) before
 * it calls `activate()`; its storage request leaves on a timer scheduled before the require (see
 * src/early.ts). A timer set while the entry point is evaluated fires after that request left,
 * inside the round trip: the activation bundle required there is read, compiled and evaluated while
 * the host waits anyway. `get()` (from `activate()`) requires it at once if the timer has not, so
 * the bundle is loaded before `activate()` goes on either way; a failed require is thrown to
 * `get()`, the timer's and the later calls' alike.
 */

/** When the module was required (performance.now()), and whether the timer did it. */
export interface ModuleLoad {
  readonly start: number;
  readonly end: number;
  readonly onTimer: boolean;
}

/** What the entry point (src/main.ts) tells `activate()`: when its own top level ran, and the bundle's load. */
export interface EntryTimes {
  readonly start: number;
  readonly end: number;
  readonly bundle: ModuleLoad;
}

export interface RequiredOnTimer<T> {
  /** The module; required now if the timer has not (throws what requiring it threw). */
  get(): T;
  /** Whether it is loaded (no require). */
  readonly loaded: boolean;
  /** When it was required, once it is. */
  readonly load: ModuleLoad | undefined;
}

export function requireOnTimer<T>(requireIt: () => T): RequiredOnTimer<T> {
  let module: { value: T } | undefined;
  let failure: { error: unknown } | undefined;
  let load: ModuleLoad | undefined;
  const run = (onTimer: boolean): T => {
    if (failure) throw failure.error;
    if (!module) {
      const start = performance.now();
      try {
        module = { value: requireIt() };
      } catch (error) {
        failure = { error };
        throw error;
      }
      load = { start, end: performance.now(), onTimer };
    }
    return module.value;
  };
  const timer = setTimeout(() => {
    try {
      run(true);
    } catch {
      // kept for get(), which activate() calls: the host records the failed activation
    }
  }, 0);
  return {
    get: () => {
      clearTimeout(timer);
      return run(false);
    },
    get loaded() {
      return module !== undefined;
    },
    get load() {
      return load;
    },
  };
}
