// Keyboard navigation of the grid: which key moves the focus where. Pure (no DOM), unit-tested.
import type { Pos } from './selection';

export interface KeyInput {
  key: string;
  ctrl: boolean;
  shift: boolean;
}

export interface Move {
  to: Pos;
  extend: boolean;
}

/**
 * Where a navigation key takes the focus in a grid of `rows` × `cols` with `pageRows` rows per
 * screen; `undefined` for keys that don't navigate.
 */
export function navigate(k: KeyInput, at: Pos, rows: number, cols: number, pageRows: number): Move | undefined {
  if (rows <= 0 || cols <= 0) return undefined;
  const lastRow = rows - 1;
  const lastCol = cols - 1;
  let to: Pos | undefined;
  switch (k.key) {
    case 'ArrowUp':
      to = { row: k.ctrl ? 0 : at.row - 1, col: at.col };
      break;
    case 'ArrowDown':
      to = { row: k.ctrl ? lastRow : at.row + 1, col: at.col };
      break;
    case 'ArrowLeft':
      to = { row: at.row, col: k.ctrl ? 0 : at.col - 1 };
      break;
    case 'ArrowRight':
      to = { row: at.row, col: k.ctrl ? lastCol : at.col + 1 };
      break;
    case 'Home':
      to = k.ctrl ? { row: 0, col: 0 } : { row: at.row, col: 0 };
      break;
    case 'End':
      to = k.ctrl ? { row: lastRow, col: lastCol } : { row: at.row, col: lastCol };
      break;
    case 'PageUp':
      to = { row: at.row - Math.max(1, pageRows), col: at.col };
      break;
    case 'PageDown':
      to = { row: at.row + Math.max(1, pageRows), col: at.col };
      break;
    default:
      return undefined;
  }
  return {
    to: { row: Math.max(0, Math.min(lastRow, to.row)), col: Math.max(0, Math.min(lastCol, to.col)) },
    extend: k.shift,
  };
}
