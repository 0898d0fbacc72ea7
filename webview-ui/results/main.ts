// The results webview (browser side). Renders what the host posts; all data goes into the DOM as
// text (`textContent`), never as HTML.
import './main.css';
import { assertNever, parseToView, type Cell, type ResultPayload, type ToHost } from '../../src/protocol/results';

interface VsCodeApi {
  postMessage(message: ToHost): void;
  setState(state: unknown): void;
  getState(): unknown;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const root = document.getElementById('app')!;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Text of a cell as shown in the grid; `null` is rendered distinctly by the caller. */
function cellText(value: Cell): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && value !== null) return JSON.stringify(value);
  return String(value);
}

function renderResult(result: ResultPayload): void {
  const summary = el(
    'div',
    'summary',
    `${result.rows.length} row${result.rows.length === 1 ? '' : 's'} · ${result.columns.length} columns` +
      (result.hasMore ? ' · more available' : ''),
  );
  const table = el('table', 'grid');
  table.id = 'results-table';
  const head = table.createTHead().insertRow();
  for (const col of result.columns) {
    const th = el('th');
    th.append(el('span', 'col-name', col.name), el('span', 'col-type', col.type));
    head.append(th);
  }
  const body = table.createTBody();
  for (const row of result.rows) {
    const tr = body.insertRow();
    row.forEach((value, i) => {
      const td = tr.insertCell();
      const type = result.columns[i]?.type ?? '';
      if (value === null) {
        td.className = 'null';
        td.textContent = 'null';
      } else {
        if (typeof value === 'number' || /^(Nullable\()?(U?Int|Float|Decimal)/.test(type)) td.className = 'num';
        td.textContent = cellText(value);
      }
    });
  }
  root.replaceChildren(summary, table);
  vscode.postMessage({ kind: 'rendered', queryId: result.queryId, rowCount: result.rows.length });
}

function renderStatus(kind: 'loading' | 'error', message: string): void {
  root.replaceChildren(el('div', kind, message));
}

window.addEventListener('message', (event: MessageEvent) => {
  const msg = parseToView(event.data);
  if (!msg) return;
  switch (msg.kind) {
    case 'result':
      renderResult(msg.result);
      return;
    case 'loading':
    case 'error':
      renderStatus(msg.kind, msg.message);
      return;
    default:
      assertNever(msg);
  }
});

vscode.postMessage({ kind: 'ready' });
