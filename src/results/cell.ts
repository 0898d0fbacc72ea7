/** A result cell as it crosses the boundary (src/results/protocol.ts re-exports it). A leaf: imports nothing. */
export type Cell = string | number | boolean | null | Cell[] | { [key: string]: Cell };
