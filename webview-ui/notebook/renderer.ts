/**
 * The notebook renderer of HogQL results (`application/vnd.hogql.table+json`, package.json
 * `notebookRenderer`): a plain table of the first rows with "N more rows", a summary line
 * (project · rows · time) and errors as text. An ES module (VS Code imports it into the notebook's
 * output webview); it needs no messaging.
 *
 * Text only: every value reaches the page through `textContent` (DOM builders from the results
 * grid, webview-ui/results/dom.ts), never as HTML; styles are set through the CSSOM, so no inline
 * style or script is needed. The data is untrusted (a hand-edited file): its shape is checked.
 */
import { el } from '../results/dom';
import { rawText, truncate } from '../../src/results/format';
import { classifyType, isNumericKind } from '../../src/results/types';
import type { Cell, Column } from '../../src/results/protocol';

/** Rows drawn; the rest are counted in "N more rows". */
export const DISPLAY_ROWS = 200;

/** The parts of VS Code's renderer API used here (`vscode-notebook-renderer`, not a dependency). */
interface OutputItem {
  readonly id: string;
  readonly mime: string;
  json(): unknown;
}
interface RendererApi {
  renderOutputItem(item: OutputItem, element: HTMLElement): void;
  disposeOutputItem?(id?: string): void;
}

interface TableData {
  at: string;
  project: { name: string; id: number };
  rowCount: number;
  columns: Column[];
  rows: Cell[][];
  hasMore?: boolean;
  elapsedMs?: number;
  error?: string;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function asTable(v: unknown): TableData | undefined {
  if (!isRecord(v) || !isRecord(v.project)) return undefined;
  const columns = Array.isArray(v.columns) ? v.columns.filter((c): c is Column => isRecord(c) && typeof c.name === 'string' && typeof c.type === 'string') : [];
  const rows = Array.isArray(v.rows) ? v.rows.filter((r): r is Cell[] => Array.isArray(r)) : [];
  return {
    at: typeof v.at === 'string' ? v.at : '',
    project: { name: typeof v.project.name === 'string' ? v.project.name : '', id: Number(v.project.id) },
    rowCount: typeof v.rowCount === 'number' ? v.rowCount : rows.length,
    columns,
    rows,
    hasMore: v.hasMore === true,
    ...(typeof v.elapsedMs === 'number' ? { elapsedMs: v.elapsedMs } : {}),
    ...(typeof v.error === 'string' ? { error: v.error } : {}),
  };
}

function summary(t: TableData): string {
  const rows = `${t.rowCount.toLocaleString('en-US')}${t.hasMore ? '+' : ''} row${t.rowCount === 1 ? '' : 's'}`;
  const when = t.at ? new Date(t.at).toLocaleString() : '';
  const took = t.elapsedMs !== undefined ? `${(t.elapsedMs / 1000).toFixed(2)} s` : '';
  return [t.project.name || `project ${t.project.id}`, t.error === undefined ? rows : 'error', when, took].filter(Boolean).join(' · ');
}

function cellNode(value: Cell | undefined, numeric: boolean): HTMLTableCellElement {
  const td = el('td');
  Object.assign(td.style, { padding: '2px 8px', borderBottom: '1px solid var(--vscode-editorWidget-border, #8884)', whiteSpace: 'pre', textAlign: numeric ? 'right' : 'left' });
  if (value === null || value === undefined) {
    td.textContent = 'NULL';
    td.style.opacity = '0.6';
  } else td.textContent = truncate(rawText(value).replace(/\r\n|\r|\n/g, '⏎'));
  return td;
}

function tableNode(t: TableData): HTMLTableElement {
  const table = el('table', 'hogql-nb-table');
  Object.assign(table.style, { borderCollapse: 'collapse', fontFamily: 'var(--vscode-editor-font-family, monospace)', fontSize: 'var(--vscode-editor-font-size, 12px)' });
  const numeric = t.columns.map((c) => isNumericKind(classifyType(c.type).kind));
  const head = table.createTHead().insertRow();
  t.columns.forEach((c) => {
    const th = el('th', undefined, c.name);
    th.title = c.type;
    Object.assign(th.style, { padding: '2px 8px', textAlign: 'left', borderBottom: '1px solid var(--vscode-editorWidget-border, #888)' });
    head.appendChild(th);
  });
  const body = table.createTBody();
  for (const row of t.rows.slice(0, DISPLAY_ROWS)) {
    const tr = body.insertRow();
    t.columns.forEach((_, i) => tr.appendChild(cellNode(row[i], numeric[i])));
  }
  return table;
}

/** Draws one output into `element` (replacing what it held). */
export function renderTable(data: unknown, element: HTMLElement): void {
  element.replaceChildren();
  const t = asTable(data);
  const root = el('div', 'hogql-nb-output');
  if (!t) {
    root.appendChild(el('div', 'hogql-nb-error', 'This output is not a HogQL result.'));
    element.appendChild(root);
    return;
  }
  const head = el('div', 'hogql-nb-summary', summary(t));
  head.style.opacity = '0.8';
  head.style.marginBottom = '4px';
  root.appendChild(head);
  if (t.error !== undefined) {
    const err = el('div', 'hogql-nb-error', t.error);
    Object.assign(err.style, { color: 'var(--vscode-errorForeground, #f44)', whiteSpace: 'pre-wrap' });
    root.appendChild(err);
  } else if (!t.columns.length) {
    root.appendChild(el('div', 'hogql-nb-note', 'The rows of this result were not kept (too large).'));
  } else {
    const scroller = el('div');
    Object.assign(scroller.style, { overflow: 'auto', maxHeight: '420px' });
    scroller.appendChild(tableNode(t));
    root.appendChild(scroller);
    const more = t.rowCount - Math.min(t.rows.length, DISPLAY_ROWS);
    if (more > 0) root.appendChild(el('div', 'hogql-nb-more', `${more.toLocaleString('en-US')} more row${more === 1 ? '' : 's'}`));
  }
  element.appendChild(root);
}

export function activate(): RendererApi {
  return { renderOutputItem: (item, element) => renderTable(item.json(), element) };
}
