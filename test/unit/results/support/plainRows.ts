import type { ToPanel, ToView } from '../../../../src/results/protocol';
import { batchRows } from '../../../../src/results/wireColumns';

/** A parsed message with `moreRows`' columns (src/results/wireColumns.ts) read back as rows, to compare with what was posted. */
export function plainRows<T extends ToView | ToPanel | undefined>(msg: T): T {
  if (msg?.kind !== 'moreRows' || Array.isArray(msg.rows)) return msg;
  return { ...msg, rows: batchRows(msg.rows) };
}
