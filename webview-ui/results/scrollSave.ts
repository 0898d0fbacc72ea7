// When the grid's scroll position is persisted (`vscode.setState`). Hiding the panel tears the
// page down with no event a save could still get out in, so the position is saved as soon as a
// scroll settles, not after a debounce. But every instant scroll (keys held, `scrollTo`, the
// scroll benchmark) fires `scrollend`, and each save serialises every tab's state and snapshot
// (~0.3 MB of garbage per save: a major GC of 50+ ms in the middle of a scroll, issue #21). So a
// `scrollend` saves one animation frame later, unless the scroll goes on before that frame.
// Pure (the page's requestAnimationFrame / cancelAnimationFrame are passed in), unit-tested in Node.

type RequestFrame = (cb: () => void) => number;
type CancelFrame = (id: number) => void;

export class SaveWhenSettled {
  private pending: number | undefined;

  constructor(
    private readonly save: () => void,
    private readonly requestFrame: RequestFrame,
    private readonly cancelFrame: CancelFrame,
  ) {}

  /** A scroll step: a save pending from the previous step's end waits for the next end. */
  scrolled(): void {
    if (this.pending === undefined) return;
    this.cancelFrame(this.pending);
    this.pending = undefined;
  }

  /** The scroll ended (`scrollend`): saved at the next frame unless it goes on before. */
  ended(): void {
    this.pending ??= this.requestFrame(() => {
      this.pending = undefined;
      this.save();
    });
  }
}
