// When the grid's scroll position is persisted (`vscode.setState`). Hiding the panel tears the
// page down with no event a save could still get out in, so the position is saved as soon as a
// scroll settles, not after a long debounce. But every instant scroll (keys held, `scrollTo`, a
// scripted scroll) fires `scrollend`, and each save serialises every tab's state and snapshot
// (~312 KB of JS garbage per save, measured by scripts/bench/grid-alloc.mjs: scavenges and a
// major GC in the middle of a scroll, issue #21). So a `scrollend` saves once QUIET_FRAMES
// animation frames have passed with no scroll. One frame was not enough: a frame's scroll events
// come before its animation frame callbacks, so a callback requested in `scrollend` runs in that
// same frame, before the next step can cancel it (a save per frame).
// Pure (the page's requestAnimationFrame / cancelAnimationFrame are passed in), unit-tested in Node.

type RequestFrame = (cb: () => void) => number;
type CancelFrame = (id: number) => void;

/** ~100 ms at 60 Hz: longer than a held key's repeat (25-40 ms), short against hiding the panel. */
export const QUIET_FRAMES = 6;

export class SaveWhenSettled {
  private pending: number | undefined;

  constructor(
    private readonly save: () => void,
    private readonly requestFrame: RequestFrame,
    private readonly cancelFrame: CancelFrame,
  ) {}

  /** A scroll step: a save pending from an earlier step's end waits for the next end. */
  scrolled(): void {
    if (this.pending === undefined) return;
    this.cancelFrame(this.pending);
    this.pending = undefined;
  }

  /** The scroll ended (`scrollend`): saved after QUIET_FRAMES frames unless it goes on before. */
  ended(): void {
    if (this.pending !== undefined) return;
    const wait = (left: number): void => {
      this.pending = this.requestFrame(() => {
        if (left > 1) return wait(left - 1);
        this.pending = undefined;
        this.save();
      });
    };
    wait(QUIET_FRAMES);
  }
}
