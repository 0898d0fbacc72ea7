// What a recycled grid cell shows, written to the DOM only where it changed (issue #21's scroll row).
// A scroll frame refills the ~9 rows that come into view; each cell's last written text, class,
// title, context and marks are kept here, so a refill compares in JS and touches the DOM only for
// what differs: no DOM reads (`className`, `dataset`, `title`, `id` each made a string per cell per
// frame), no attribute written again with the value it has, and the text goes into the cell's one
// text node (`data`), which is never replaced (a new node is a new layout object). Pure of `document`:
// unit-tested with a fake element (test/unit/results/cellWrites.test.ts).

/** The parts of an element a cell writes (an `HTMLElement` in the page, a fake in the tests). */
export interface CellTarget {
  className: string;
  setAttribute(name: string, value: string): void;
  removeAttribute(name: string): void;
}

/** What a cell should show. `title`/`context`/`id`: undefined removes the attribute. */
export interface CellLook {
  text: string;
  className: string;
  title: string | undefined;
  context: string | undefined;
}

/** The cell's text node: its `data` is all that changes when a cell shows another value. */
export interface TextTarget {
  data: string;
}

const NONE = Symbol('none');

export class CellWriter<E extends CellTarget = CellTarget> {
  private text: string | typeof NONE = NONE;
  private cls: string | typeof NONE = NONE;
  private title: string | undefined | typeof NONE = NONE;
  private context: string | undefined | typeof NONE = NONE;
  private sel: boolean | typeof NONE = NONE;
  private focus: boolean | typeof NONE = NONE;

  constructor(
    readonly el: E,
    private readonly textNode: TextTarget,
  ) {}

  /** Writes what differs from the last `show` (all of it the first time). */
  show(look: CellLook): void {
    if (look.text !== this.text) this.textNode.data = this.text = look.text;
    if (look.className !== this.cls) {
      this.cls = look.className;
      // the selection and focus classes are added to it: they are written again after a change
      this.el.className = this.marksOn(look.className);
    }
    if (look.title !== this.title) this.attr('title', (this.title = look.title));
    if (look.context !== this.context) this.attr('data-vscode-context', (this.context = look.context));
  }

  /** Selection and focus of the cell; `focusId` is the focused cell's element id. */
  mark(sel: boolean, focus: boolean, focusId: string): void {
    if (sel === this.sel && focus === this.focus) return;
    const focusChanged = focus !== this.focus;
    this.sel = sel;
    this.focus = focus;
    if (this.cls !== NONE) this.el.className = this.marksOn(this.cls);
    if (focusChanged) this.attr('id', focus ? focusId : undefined);
  }

  private marksOn(cls: string): string {
    return cls + (this.sel === true ? ' sel' : '') + (this.focus === true ? ' focus' : '');
  }

  private attr(name: string, value: string | undefined): void {
    if (value === undefined) this.el.removeAttribute(name);
    else this.el.setAttribute(name, value);
  }
}
