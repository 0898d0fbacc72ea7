/**
 * Requiring a module on a timer (issue #21, s15), for the extension's entry point (src/main.ts).
 *
 * The extension host requires the manifest's `main` synchronously, then waits for the extension's
 * storage (a round trip to the workbench that every extension waits for, the empty one too) before
 * it calls `activate()`; its storage request leaves on a timer scheduled before the require (see
 * src/early.ts). That request is compressed asynchronously (zlib's deflate runs on Node's thread
 * pool; code-server's WebSocketNodeSocket writes the frame in its callback), so a timer that fires
 * in the same turn of the event loop as the writer's would run before the request is on the wire
 * and delay it by all its work. The timer here is set a little later (`REQUIRE_DELAY_MS`): between
 * the two the loop waits for I/O and the frame goes out, and the activation bundle is then read,
 * compiled and evaluated while the host waits anyway. `get()` (from `activate()`) requires it at
 * once if the timer has not, so the bundle is loaded before `activate()` goes on either way; a
 * failed require is thrown to `get()`, the timer's and the later calls' alike.
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

/**
 * How long after the entry point's evaluation the timer fires: the protocol writer's timer (1 ms)
 * fires first, then the loop waits for I/O until ours, which lets the compressed request be written.
 * Exported for the tests, which wait for a timer of the same delay set after it.
 */
export const REQUIRE_DELAY_MS = 2;

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
  }, REQUIRE_DELAY_MS);
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
