// The cell viewer: a side panel showing one cell in full — pretty JSON for structures and JSON
// text, the whole of long strings, the raw value of date-times — as text, with copy/open actions.
import type { Cell } from '../../src/results/protocol';
import { displayText, rawText, viewerText } from '../../src/results/format';
import { visible } from '../../src/results/visible';
import { button, el } from './dom';
import type { GridModel } from './model';
import type { Pos } from './selection';

export interface ViewerEvents {
  copy(text: string): void;
  openInEditor(text: string, json: boolean): void;
  closed(): void;
}

export class Viewer {
  readonly root = el('aside', 'viewer');
  private readonly title = el('div', 'viewer-title');
  private readonly meta = el('div', 'viewer-meta');
  private readonly body = el('pre', 'viewer-body');
  private current: { text: string; json: boolean } = { text: '', json: false };

  constructor(
    private readonly model: GridModel,
    events: ViewerEvents,
  ) {
    this.root.setAttribute('role', 'complementary');
    this.root.setAttribute('aria-label', 'Cell viewer');
    this.root.hidden = true;
    this.body.tabIndex = 0;
    const actions = el('div', 'viewer-actions');
    actions.append(
      button('Copy', 'Copy the full value', () => events.copy(this.current.text), 'btn viewer-copy'),
      button('Open in Editor', 'Open the value in an editor tab', () => events.openInEditor(this.current.text, this.current.json), 'btn viewer-open'),
      button('✕', 'Close the viewer (Escape)', () => {
        this.close();
        events.closed();
      }, 'btn viewer-close'),
    );
    const head = el('div', 'viewer-head');
    head.append(this.title, actions);
    this.root.append(head, this.meta, this.body);
    this.root.addEventListener('keydown', (e) => {
      if (e.key !== 'Escape') return;
      this.close();
      events.closed();
    });
  }

  get isOpen(): boolean {
    return !this.root.hidden;
  }

  /** Shows the cell at a view position. */
  show(pos: Pos): void {
    const col = this.model.columns[pos.col];
    if (!col) return;
    const value: Cell = this.model.value(pos.row, pos.col);
    this.current = viewerText(value, col.info);
    // shown through `visible` (bidi and invisible characters as `[U+202E]`); Copy and Open in
    // Editor take the raw value (`current.text`)
    this.title.textContent = `${visible(col.name)} · row ${pos.row + 1}`;
    const meta = [visible(col.type)];
    if (value !== null && col.info.kind === 'datetime' && typeof value === 'string') {
      meta.push(`shown: ${displayText(value, col.info, this.model.zone)} (${this.model.zone.timeZone})`, `raw: ${visible(value)}`);
    } else if (col.info.kind === 'float' && typeof value === 'number' && displayText(value, col.info, this.model.zone) !== rawText(value)) {
      meta.push(`shown: ${displayText(value, col.info, this.model.zone)}`, 'full value below');
    }
    if (this.current.json) meta.push('JSON');
    else meta.push(`${this.current.text.length.toLocaleString('en-US')} characters`);
    this.meta.textContent = meta.join(' · ');
    this.body.textContent = visible(this.current.text, true);
    this.body.classList.toggle('null', value === null);
    this.root.hidden = false;
  }

  close(): void {
    this.root.hidden = true;
  }
}
