/** Turn response cells into plain comparable values (RawNumber → number, floats rounded). */
import { RawNumber } from '../../../src/hogql/types';

export function normalizeCell(cell: unknown): unknown {
  if (cell instanceof RawNumber) {
    const n = Number(cell.digits);
    return Number.isSafeInteger(n) ? n : cell.digits;
  }
  if (typeof cell === 'number') return Number.isInteger(cell) ? cell : Number(cell.toFixed(6));
  if (Array.isArray(cell)) return cell.map(normalizeCell);
  return cell;
}

export function normalizeRows(rows: unknown[][]): unknown[][] {
  return rows.map((row) => row.map(normalizeCell));
}
