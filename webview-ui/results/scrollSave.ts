// When the grid's scroll position is persisted (`vscode.setState`). Hiding the panel tears the
// page down with no event a save could still get out in, so a scroll that ends after a quiet
// spell is saved at once (the next animation frame), not after a debounce. But every instant
// scroll (keys held, `scrollTo`, a scripted scroll) fires `scrollend`, and each save serialises
// every tab's state and snapshot (~312 KB of JS garbage per save, measured by
// scripts/bench/grid-alloc.mjs: scavenges and a major GC in the middle of a scroll, issue #21).
// So once a save is made, the ends that follow within QUIET_FRAMES animation frames of the last
// scroll step are saved together, once the scroll has been quiet that long. (Saving one frame
// after each end was not enough: a frame's scroll events come before its animation frame
// callbacks, so a callback requested in `scrollend` ran in that same frame, before the next step
// could cancel it: a save per frame.)
// The quiet spell is one frame callback a frame that counts down, which a step sets back: a step
// neither cancels nor requests a callback (a cancel and a request per scroll event were ~0.17 ms of
// the ~1.4 ms scroll handler per frame, scripts/bench/grid-bare.ts --profile, issue #21).
// Pure (the page's requestAnimationFrame is passed in), unit-tested in Node.

type RequestFrame = (cb: () => void) => number;

/** ~100 ms at 60 Hz: longer than a held key's repeat (25-40 ms). */
export const QUIET_FRAMES = 6;

export class SaveWhenSettled {
  /** The frame callback pending: the save, or the next frame of the quiet spell after one. */
  private pending: number | undefined;
  /** Inside the quiet spell after a save (while it lasts, ends are saved at its end). */
  private cooling = false;
  /** A scroll ended during the spell: saved when it is over. */
  private dirty = false;
  /** Frames the spell still has to be quiet for (its callback counts them down). */
  private left = 0;

  constructor(
    private readonly save: () => void,
    private readonly requestFrame: RequestFrame,
  ) {}

  /** A scroll step: the quiet spell, if one is running, starts again. */
  scrolled(): void {
    if (this.cooling) this.left = QUIET_FRAMES;
  }

  /** The scroll ended (`scrollend`): saved at the next frame, or at the end of the quiet spell. */
  ended(): void {
    if (this.cooling) {
      this.dirty = true;
      this.left = QUIET_FRAMES;
      return;
    }
    this.pending ??= this.requestFrame(() => {
      this.pending = undefined;
      this.save();
      this.cooling = true;
      this.left = QUIET_FRAMES;
      this.quiet();
    });
  }

  /** Counts the spell's quiet frames down (a step sets them back), then ends it, saving what ended during it. */
  private quiet(): void {
    this.pending = this.requestFrame(() => {
      this.pending = undefined;
      if (this.left > 1) {
        this.left--;
        return this.quiet();
      }
      this.cooling = false;
      if (!this.dirty) return;
      this.dirty = false;
      this.save();
    });
  }
}
