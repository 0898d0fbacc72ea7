// The sticky header row: column name + ClickHouse type, sort indicator, resize handle. Events are
// delegated to the header row (no per-cell listeners, no inline handlers).
import { el } from './dom';
import { MIN_COL_WIDTH } from './layout';
import type { ModelColumn, Sort } from './model';
import { visible } from '../../src/results/visible';

export interface HeaderEvents {
  /** Plain click on a header: cycle its sort (asc → desc → none). */
  sort(col: number): void;
  /** Ctrl/Cmd (or Alt) + click: select the column; with Shift: extend the column selection. */
  selectColumn(col: number, extend: boolean): void;
  /** Live width while dragging a header's right edge; `done` on release. */
  resize(col: number, width: number, done: boolean): void;
  width(col: number): number;
}

const SORT_MARK = { asc: '▲', desc: '▼' } as const;

/** One header cell (role=columnheader), positioned by the caller. */
export function headerCell(col: ModelColumn, index: number, sort: Sort | undefined): HTMLDivElement {
  const cell = el('div', `hcell${col.numeric ? ' num' : ''}`);
  cell.setAttribute('role', 'columnheader');
  cell.setAttribute('aria-colindex', String(index + 2));
  cell.dataset.col = String(index);
  const dir = sort?.col === index ? sort.dir : undefined;
  cell.setAttribute('aria-sort', dir === 'asc' ? 'ascending' : dir === 'desc' ? 'descending' : 'none');
  // names and types are shown through `visible`: a bidi or invisible character shows as `[U+202E]`
  cell.title = `${visible(col.name)}: ${visible(col.type)}\nClick to sort · Ctrl/Cmd+click to select the column · drag the edge to resize`;
  const top = el('div', 'hline');
  top.append(el('span', 'col-name', visible(col.name)), el('span', 'sort-mark', dir ? SORT_MARK[dir] : ''));
  const handle = el('div', 'resize-handle');
  handle.setAttribute('aria-hidden', 'true');
  cell.append(top, el('span', 'col-type', visible(col.type)), handle);
  return cell;
}

/** Wires click-to-sort, column selection and edge-dragging on the header row. */
export function attachHeaderEvents(header: HTMLElement, events: HeaderEvents): void {
  header.addEventListener('click', (e) => {
    const target = e.target as HTMLElement;
    if (target.closest('.resize-handle')) return;
    const cell = target.closest<HTMLElement>('.hcell');
    if (!cell?.dataset.col) return;
    const col = Number(cell.dataset.col);
    if (e.ctrlKey || e.metaKey || e.altKey) events.selectColumn(col, e.shiftKey);
    else events.sort(col);
  });
  header.addEventListener('pointerdown', (e) => {
    const handle = (e.target as HTMLElement).closest<HTMLElement>('.resize-handle');
    const cell = handle?.closest<HTMLElement>('.hcell');
    if (!handle || !cell?.dataset.col) return;
    e.preventDefault();
    e.stopPropagation();
    startResize(Number(cell.dataset.col), e, events);
  });
}

/**
 * Follows the pointer on the window (not the handle: re-rendering the header replaces the handle
 * mid-drag, which would drop a pointer capture).
 */
function startResize(col: number, down: PointerEvent, events: HeaderEvents): void {
  const startX = down.clientX;
  const startWidth = events.width(col);
  document.body.classList.add('resizing');
  const widthAt = (e: PointerEvent): number => Math.max(MIN_COL_WIDTH, Math.round(startWidth + e.clientX - startX));
  const move = (e: PointerEvent): void => events.resize(col, widthAt(e), false);
  const up = (e: PointerEvent): void => {
    window.removeEventListener('pointermove', move);
    window.removeEventListener('pointerup', up);
    window.removeEventListener('pointercancel', up);
    document.body.classList.remove('resizing');
    events.resize(col, widthAt(e), true);
  };
  window.addEventListener('pointermove', move);
  window.addEventListener('pointerup', up);
  window.addEventListener('pointercancel', up);
}
