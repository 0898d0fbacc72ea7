// Mouse and keyboard input of the grid, delegated to its scroller: click / shift-click / drag
// selection, row-number selection, keyboard navigation, Enter for the viewer, Ctrl/Cmd+A,
// Ctrl/Cmd+click (or Ctrl/Cmd+Enter) to follow a cell's link.
import type { Grid } from './grid';
import { navigate } from './keyboard';
import type { Pos } from './selection';

export interface GridInputEvents {
  /** Enter or double-click on a cell. */
  openViewer(pos: Pos): void;
  /** Ctrl/Cmd+click on a cell, or Ctrl/Cmd+Enter on the focused one: follow its link, if it has one. */
  openLink(pos: Pos): void;
  /** The focused cell moved. */
  focusMoved(pos: Pos): void;
  escape(): void;
}

/** The cell or row number under an event target, in view coordinates. */
function hit(target: EventTarget | null): { pos: Pos; rowHeader: boolean } | undefined {
  const node = target as HTMLElement | null;
  const cell = node?.closest<HTMLElement>('.cell, .rownum');
  const row = cell?.parentElement?.dataset.row;
  if (!cell || row === undefined) return undefined;
  const rowHeader = cell.classList.contains('rownum');
  return { pos: { row: Number(row), col: rowHeader ? 0 : Number(cell.dataset.col) }, rowHeader };
}

export function attachGridInput(grid: Grid, events: GridInputEvents): void {
  const root = grid.root;
  let dragging = false;
  const moved = (): void => events.focusMoved({ ...grid.selection.focus });

  root.addEventListener('mousedown', (e) => {
    const h = hit(e.target);
    if (!h || e.button !== 0) return;
    e.preventDefault();
    root.focus({ preventScroll: true });
    const s = grid.selection;
    grid.select(() => (h.rowHeader ? s.selectRows(h.pos.row, e.shiftKey) : s.moveTo(h.pos, e.shiftKey)));
    dragging = !h.rowHeader;
    moved();
    if (!h.rowHeader && (e.ctrlKey || e.metaKey) && !e.shiftKey) {
      dragging = false;
      events.openLink(h.pos);
    }
  });
  root.addEventListener('mousemove', (e) => {
    if (!dragging || (e.buttons & 1) === 0) {
      dragging = false;
      return;
    }
    const h = hit(e.target);
    const f = grid.selection.focus;
    if (h && !h.rowHeader && (h.pos.row !== f.row || h.pos.col !== f.col)) grid.select(() => grid.selection.moveTo(h.pos, true));
  });
  root.addEventListener('mouseup', () => (dragging = false));
  root.addEventListener('dblclick', (e) => {
    const h = hit(e.target);
    if (h && !h.rowHeader) events.openViewer(h.pos);
  });
  root.addEventListener('keydown', (e) => onKey(grid, events, e, moved));
}

function onKey(grid: Grid, events: GridInputEvents, e: KeyboardEvent, moved: () => void): void {
  const s = grid.selection;
  const ctrl = e.ctrlKey || e.metaKey;
  if (ctrl && e.key.toLowerCase() === 'a') {
    e.preventDefault();
    grid.select(() => s.selectAll());
    return;
  }
  if (e.key === 'Enter' && ctrl) {
    e.preventDefault();
    if (s.rows > 0) events.openLink({ ...s.focus });
    return;
  }
  if (e.key === 'Enter' || e.key === 'F2') {
    e.preventDefault();
    if (s.rows > 0) events.openViewer({ ...s.focus });
    return;
  }
  if (e.key === 'Escape') {
    events.escape();
    return;
  }
  const move = navigate({ key: e.key, ctrl, shift: e.shiftKey }, s.focus, s.rows, s.cols, grid.pageRows());
  if (!move) return;
  e.preventDefault();
  grid.select(() => s.moveTo(move.to, move.extend));
  grid.scrollToCell(move.to);
  moved();
}
