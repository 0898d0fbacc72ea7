/**
 * The notebook renderer of HogQL results (`application/vnd.hogql.table+json`, package.json
 * `notebookRenderer`): each output is the results panel's grid (webview-ui/results/app.ts: the
 * virtual grid, sort, filter, copy, the cell viewer and the chart tab) under a summary line
 * (project · rows · time), or the run's error as text. An ES module that VS Code imports into the
 * notebook's output webview.
 *
 * It has no messaging (`requiresMessaging: never`), so it works on the output's rows alone: sort
 * and filter run here, copy writes the clipboard itself; what needs the extension host (export,
 * loading more rows, sorting on the server, opening a value in an editor, opening links) is not
 * offered. The code is the panel's own (scripts/build.mjs splits it into a chunk both load). Each
 * output lives in its own shadow root linking the panel's style sheet and this renderer's (files of
 * the extension: no inline style or script), so they touch nothing of VS Code's. Text only: every
 * value reaches the page through `textContent`, never as HTML.
 */
import './renderer.css';
import { useHost, type VsCodeApi } from '../results/api';
import { App } from '../results/app';
import { el } from '../results/dom';
import { initialState, type ViewState } from '../results/state';
import { omittedNote, outputHeight, parseOutput, summary, toPayload, type TableData } from './output';

/** The parts of VS Code's renderer API used here (`vscode-notebook-renderer`, not a dependency). */
interface OutputItem {
  readonly id: string;
  readonly mime: string;
  json(): unknown;
}
interface RendererApi {
  renderOutputItem(item: OutputItem, element: HTMLElement): void | Promise<void>;
  disposeOutputItem?(id?: string): void;
}

/** The results protocol without a host: copy is done here, the rest has no one to answer it. */
const offline: VsCodeApi = {
  postMessage: (m) => {
    if (m.kind === 'copy') void navigator.clipboard?.writeText(m.text).catch(() => undefined);
  },
  getState: () => undefined,
  setState: () => undefined,
};

/** Shown outputs by output id, and their view state (tab, sort, filter, scroll), kept while the notebook is open. */
const apps = new Map<string, App>();
const states = new Map<string, ViewState>();
/** Renders counted per output id: a render that a newer one (or a dispose) overtook stops. */
const generation = new Map<string, number>();

/** The style sheets built beside this module: the results panel's and this renderer's. */
const SHEETS = ['../results/main.css', './renderer.css'].map((p) => new URL(p, import.meta.url).href);

/** Links the style sheets into `shadow`; resolves once they have loaded (the grid measures its font). */
function linkStyles(shadow: ShadowRoot): Promise<void> {
  const links = SHEETS.map((href) => {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = href;
    return link;
  });
  shadow.replaceChildren(...links);
  return Promise.all(links.map((l) => new Promise<void>((done) => {
    l.addEventListener('load', () => done(), { once: true });
    l.addEventListener('error', () => done(), { once: true });
  }))).then(() => undefined);
}

function dispose(id?: string): void {
  if (id === undefined) generation.clear();
  else generation.set(id, (generation.get(id) ?? 0) + 1);
  for (const [key, app] of apps) {
    if (id !== undefined && key !== id) continue;
    app.dispose();
    apps.delete(key);
  }
}

function readItem(item: OutputItem): unknown {
  try {
    return item.json();
  } catch {
    return undefined;
  }
}

/** Draws one output into `element` (replacing what it held). */
export async function renderOutput(item: OutputItem, element: HTMLElement): Promise<void> {
  dispose(item.id);
  const gen = (generation.get(item.id) ?? 0) + 1;
  generation.set(item.id, gen);
  const shadow = element.shadowRoot ?? element.attachShadow({ mode: 'open' });
  await linkStyles(shadow);
  if (generation.get(item.id) !== gen) return;
  const out = el('div', 'hogql-nb-output');
  shadow.append(out);
  const t = parseOutput(readItem(item));
  if (!t) {
    out.append(el('div', 'hogql-nb-error', 'This output is not a HogQL result.'));
    return;
  }
  out.append(el('div', 'hogql-nb-summary', summary(t)));
  if (t.error !== undefined) {
    const err = el('div', 'hogql-nb-error', t.error);
    err.setAttribute('role', 'alert');
    out.append(err);
    return;
  }
  if (!t.columns.length) {
    out.append(el('div', 'hogql-nb-note', 'The rows of this result were not kept (too large).'));
    return;
  }
  showGrid(item.id, t, out);
}

function showGrid(id: string, t: TableData, out: HTMLElement): void {
  const root = el('div', 'hogql-nb-app');
  root.style.height = `${outputHeight(t.rows.length)}px`;
  out.append(root);
  const note = omittedNote(t);
  if (note) out.append(el('div', 'hogql-nb-more', note));
  const app = new App(
    root,
    {
      load: () => states.get(id) ?? initialState(),
      save: (s) => states.set(id, { ...s, widths: { ...s.widths } }),
    },
    id,
  );
  apps.set(id, app);
  app.onMessage({ kind: 'result', result: toPayload(t, id) }, performance.now());
}

export function activate(): RendererApi {
  useHost(offline);
  return { renderOutputItem: renderOutput, disposeOutputItem: dispose };
}
