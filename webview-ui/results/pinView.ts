// Pin-and-diff in a results tab (issue #17): the pin bar under the header (Pin / Unpin / Match by…,
// the counts "+3 −1 ~2 vs pinned 10:42" and the removed rows) and the marks the grid draws
// (src/results/diff.ts computes them). Also the note of a result restored after a window reload.
// Text only (`textContent`).
import { diffCounts, guessKeys, type ResultDiff } from '../../src/results/diff';
import { formatCount, rawText } from '../../src/results/format';
import type { Cell, ResultInfo } from '../../src/results/protocol';
import type { Pin } from '../../src/results/snapshot';
import { visible } from '../../src/results/visible';
import { button, el } from './dom';

export interface PinEvents {
  pin(): void;
  unpin(): void;
  chooseKeys(): void;
}

/** Removed rows listed under the bar at most (the count says how many there are). */
const MAX_REMOVED_SHOWN = 100;

const hhmm = (at: number): string => new Date(at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const rowText = (row: readonly Cell[]): string => row.map((v) => (v === null ? 'NULL' : visible(rawText(v)))).join(' | ');

export class PinBar {
  readonly root = el('div', 'pin-bar');
  private readonly pinBtn: HTMLButtonElement;
  private readonly text = el('span', 'pin-text');
  private readonly keysBtn: HTMLButtonElement;
  private readonly unpinBtn: HTMLButtonElement;
  private readonly removed = el('details', 'pin-removed');
  private readonly removedSummary = el('summary');
  private readonly removedList = el('ol', 'pin-removed-rows');

  constructor(events: PinEvents) {
    this.root.setAttribute('role', 'status');
    this.pinBtn = button('Pin', 'Pin this result: the next runs of this statement are compared with it', () => events.pin(), 'btn pin');
    this.keysBtn = button('Match by…', 'Choose the key columns that match rows of the pinned result', () => events.chooseKeys(), 'btn pin-keys');
    this.unpinBtn = button('Unpin', 'Stop comparing with the pinned result', () => events.unpin(), 'btn unpin');
    this.removed.append(this.removedSummary, this.removedList);
    this.root.append(this.pinBtn, this.text, this.keysBtn, this.unpinBtn, this.removed);
    this.show(undefined, undefined, undefined);
  }

  /**
   * The bar for `result` (none: hidden) and `pin`; `diff` when the result is another run than the
   * pinned one. Returns nothing; the counts go in `.pin-text` with the same words spelled out.
   */
  show(result: ResultInfo | undefined, pin: Pin | undefined, diff: ResultDiff | undefined): void {
    this.root.hidden = !result;
    this.pinBtn.hidden = !result || result.restored !== undefined || pin?.queryId === result.queryId;
    this.keysBtn.hidden = this.unpinBtn.hidden = !pin;
    this.removed.hidden = !diff || diff.removed.length === 0;
    this.root.dataset.state = !pin ? 'none' : diff ? 'diff' : 'pinned';
    if (!pin) {
      this.text.textContent = '';
      this.text.removeAttribute('aria-label');
      return;
    }
    const keys = (pin.keys.length ? pin.keys : guessKeys(pin.columns)).map((k) => visible(k)).join(', ');
    const capped = pin.rows.length < pin.totalRows ? ` (its first ${formatCount(pin.rows.length)} of ${formatCount(pin.totalRows)} rows; rows past them count as added)` : '';
    this.keysBtn.textContent = `Match by: ${keys}…`;
    if (!diff) {
      this.text.textContent = `Pinned ${hhmm(pin.at)}${capped}`;
      this.text.title = 'The next run of this statement is compared with this result';
      return;
    }
    this.text.textContent = `${diffCounts(diff)} vs pinned ${hhmm(pin.at)}`;
    const words = `${diff.added.length} added, ${diff.removed.length} removed, ${diff.changed.size} changed rows compared with the result pinned at ${hhmm(pin.at)}, matched by ${keys}`;
    const cols = [diff.addedColumns.length ? `new columns: ${diff.addedColumns.join(', ')}` : '', diff.removedColumns.length ? `columns gone: ${diff.removedColumns.join(', ')}` : ''].filter(Boolean);
    this.text.title = [words + capped, ...cols].join('\n');
    this.text.setAttribute('aria-label', words);
    this.removedSummary.textContent = `${formatCount(diff.removed.length)} removed row${diff.removed.length === 1 ? '' : 's'}`;
    this.removedList.replaceChildren(...diff.removed.slice(0, MAX_REMOVED_SHOWN).map((j) => el('li', 'pin-removed-row', `− ${rowText(pin.rows[j] ?? [])}`)));
  }
}

/** The note over a result restored after a window reload (src/results/snapshot.ts). */
export function restoredText(result: ResultInfo): string | undefined {
  const r = result.restored;
  if (!r) return undefined;
  const when = `Restored after the window reload (saved ${hhmm(r.savedAt)})`;
  if (r.savedRows < r.totalRows || r.more) return `${when}: showing the saved first ${formatCount(r.savedRows)} rows, re-run for all.`;
  return `${when}: re-run for fresh data.`;
}
