/** Insight logic for rows and "open": names, kinds, SQL extraction, results as tables. Pure. */
import type { Insight } from '../api/resources/insights';

export function insightName(i: Pick<Insight, 'name' | 'derived_name' | 'short_id'>): string {
  return (i.name && i.name.trim()) || (i.derived_name && i.derived_name.trim()) || `Untitled insight ${i.short_id}`;
}

type Node = Record<string, unknown> | null | undefined;

/** "SQL", "Trends", "Funnels"… from the query node. */
export function insightKind(query: Node): string {
  if (!query) return 'Legacy';
  const kind = String(query.kind ?? '');
  const source = query.source as Node;
  if (kind === 'DataVisualizationNode' && source?.kind === 'HogQLQuery') return 'SQL';
  const inner = kind === 'InsightVizNode' || kind === 'DataTableNode' ? String(source?.kind ?? kind) : kind;
  return inner.replace(/Query$/, '').replace(/Node$/, '') || 'Insight';
}

/** The HogQL of a SQL insight (`DataVisualizationNode` with a `HogQLQuery` source), else undefined. */
export function sqlOf(query: Node): string | undefined {
  if (!query) return undefined;
  const source = query.source as Node;
  if (query.kind === 'DataVisualizationNode' && source?.kind === 'HogQLQuery' && typeof source.query === 'string') return source.query;
  if (query.kind === 'HogQLQuery' && typeof query.query === 'string') return query.query;
  return undefined;
}

export interface Table {
  columns: string[];
  types: string[];
  rows: unknown[][];
}

const isScalar = (v: unknown): boolean => v === null || ['string', 'number', 'boolean', 'bigint'].includes(typeof v);

/**
 * An insight's `result` as a table when it is tabular: rows of arrays (with `columns`), trends
 * series (`[{label, days, data}]` → one row per series and day), or a list of flat objects.
 * Undefined for anything else (funnels with nested steps, paths…): those open as JSON.
 */
export function resultTable(result: unknown, columns?: unknown): Table | undefined {
  if (!Array.isArray(result) || result.length === 0) return undefined;
  if (result.every(Array.isArray)) {
    const width = Math.max(...result.map((r) => (r as unknown[]).length));
    const names = Array.isArray(columns) && columns.length === width ? columns.map(String) : Array.from({ length: width }, (_, i) => `column_${i + 1}`);
    return { columns: names, types: names.map(() => ''), rows: result as unknown[][] };
  }
  if (!result.every((r) => typeof r === 'object' && r !== null)) return undefined;
  const objs = result as Record<string, unknown>[];
  if (objs.every((o) => Array.isArray(o.data) && (Array.isArray(o.days) || Array.isArray(o.labels)))) {
    const rows: unknown[][] = [];
    for (const o of objs) {
      const days = (Array.isArray(o.days) ? o.days : o.labels) as unknown[];
      const data = o.data as unknown[];
      const label = String(o.label ?? o.breakdown_value ?? '');
      data.forEach((v, i) => rows.push([label, days[i] ?? null, v]));
    }
    return { columns: ['series', 'date', 'value'], types: ['String', 'String', 'Float64'], rows };
  }
  const keys = Object.keys(objs[0]);
  if (keys.length > 0 && objs.every((o) => Object.values(o).every(isScalar))) {
    return { columns: keys, types: keys.map(() => ''), rows: objs.map((o) => keys.map((k) => o[k] ?? null)) };
  }
  return undefined;
}
