// When the grid's scroll position is persisted (`vscode.setState`). Hiding the panel tears the
// page down with no event a save could still get out in, so a scroll that ends after a quiet
// spell is saved at once (the next animation frame), not after a debounce. But every instant
// scroll (keys held, `scrollTo`, a scripted scroll) fires `scrollend`, and each save serialises
// every tab's state and snapshot (~312 KB of JS garbage per save, measured by
// scripts/bench/grid-alloc.mjs: scavenges and a major GC in the middle of a scroll, issue #21).
// So once a save is made, the ends that follow within QUIET_MS of the last scroll step are saved
// together, once the scroll has been quiet that long. (Saving one frame
// after each end was not enough: a frame's scroll events come before its animation frame
// callbacks, so a callback requested in `scrollend` ran in that same frame, before the next step
// could cancel it: a save per frame.)
// The quiet spell is timed, not counted in frames: a step only notes the time, and one timer at a
// time checks whether the scroll has been quiet long enough. (Counted in frames it cost every
// scroll event a cancel and a request of an animation frame, ~0.2 ms of the ~1.5 ms scroll handler
// per frame, or, as one callback a frame counting down, a callback in every frame;
// scripts/bench/grid-bare.ts --profile, issue #21.)
// Pure (the page's requestAnimationFrame and clock are passed in), unit-tested in Node.

type RequestFrame = (cb: () => void) => number;

/** The page's time and timers. */
export interface Clock {
  now(): number;
  after(ms: number, cb: () => void): void;
}

/** ~6 frames at 60 Hz: longer than a held key's repeat (25-40 ms). */
export const QUIET_MS = 100;

const pageClock: Clock = { now: () => performance.now(), after: (ms, cb) => void setTimeout(cb, ms) };

export class SaveWhenSettled {
  /** The frame callback of the save pending. */
  private pending: number | undefined;
  /** Inside the quiet spell after a save (while it lasts, ends are saved at its end). */
  private cooling = false;
  /** A scroll ended during the spell: saved when it is over. */
  private dirty = false;
  /** When the spell's last scroll step or end came. */
  private last = 0;

  constructor(
    private readonly save: () => void,
    private readonly requestFrame: RequestFrame,
    private readonly clock: Clock = pageClock,
  ) {}

  /** A scroll step: the quiet spell, if one is running, starts again. */
  scrolled(): void {
    if (this.cooling) this.last = this.clock.now();
  }

  /** The scroll ended (`scrollend`): saved at the next frame, or at the end of the quiet spell. */
  ended(): void {
    if (this.cooling) {
      this.dirty = true;
      this.last = this.clock.now();
      return;
    }
    this.pending ??= this.requestFrame(() => {
      this.pending = undefined;
      this.save();
      this.cooling = true;
      this.last = this.clock.now();
      this.wait(QUIET_MS);
    });
  }

  /** Checks after `ms` whether the scroll has been quiet QUIET_MS; if so ends the spell, saving what ended during it. */
  private wait(ms: number): void {
    this.clock.after(ms, () => {
      const quiet = this.clock.now() - this.last;
      if (quiet < QUIET_MS) return this.wait(QUIET_MS - quiet);
      this.cooling = false;
      if (!this.dirty) return;
      this.dirty = false;
      this.save();
    });
  }
}
