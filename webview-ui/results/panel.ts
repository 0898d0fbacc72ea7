// The results panel (browser side): the tab strip and one `App` per result tab (its own model,
// grid, header, sort, filter and scroll position). Only the shown tab's page is in the document;
// the others are kept detached, so every selector and keyboard shortcut acts on the shown tab
// (export, copy, chart and cell viewer included). The shown tab's `data-*` state (phase, query
// id, …) is mirrored on `#app`. The host decides which tabs exist (`tabOpen` / `tabClose`).
import { assertNever, type ToPanel } from '../../src/results/protocol';
import type { Phase } from '../../src/results/state';
import type { TabInfo } from '../../src/results/tabs';
import { loadState, post, saveState } from './api';
import { App, type ViewStore } from './app';
import { el } from './dom';
import { initialState, sanitizeState, type ViewState } from './state';
import { panelIdOf, TabStrip } from './tabStrip';

export class Panel {
  private readonly apps = new Map<string, App>();
  private active: string | undefined;
  private readonly strip: TabStrip;
  private readonly empty = el('div', 'empty', 'Run a HogQL query to see results here.');
  /** Each tab's persisted view state, by tab id. */
  private readonly saved: Record<string, ViewState> = {};
  private readonly observer = new MutationObserver((records) => this.attributesChanged(records));

  constructor(private readonly root: HTMLElement) {
    const raw = loadState() as { tabs?: unknown } | undefined;
    if (raw && typeof raw.tabs === 'object' && raw.tabs !== null) {
      for (const [id, s] of Object.entries(raw.tabs)) this.saved[id] = sanitizeState(s);
    }
    this.strip = new TabStrip({
      activate: (id) => {
        this.show(id);
        post({ kind: 'tabActivate', tabId: id });
      },
      close: (id) => post({ kind: 'tabClose', tabId: id }),
    });
    root.dataset.phase = 'empty';
    root.append(this.strip.root, this.empty);
  }

  onMessage(msg: ToPanel, receivedAt: number, sentAt?: number): void {
    switch (msg.kind) {
      case 'tabOpen':
        this.open(msg.tab);
        return;
      case 'tabActivate':
        this.show(msg.tabId);
        return;
      case 'tabClose':
        this.close(msg.tabId);
        return;
      case 'result':
      case 'appendRows':
      case 'moreRows':
      case 'streamEnd':
      case 'loading':
      case 'progress':
      case 'error':
      case 'cancelled': {
        const app = this.apps.get(msg.tabId);
        if (!app) return;
        if (msg.kind === 'result' && sentAt !== undefined) app.sentAt = sentAt;
        app.onMessage(msg, receivedAt);
        return;
      }
      default:
        assertNever(msg);
    }
  }

  private open(info: TabInfo): void {
    this.strip.open(info);
    if (this.apps.has(info.id)) return;
    const page = el('div', 'tab-panel');
    page.id = panelIdOf(info.id);
    page.setAttribute('role', 'tabpanel');
    page.setAttribute('aria-labelledby', `rtab-${info.id}`);
    const store: ViewStore = {
      load: () => this.saved[info.id] ?? initialState(),
      save: (s) => {
        this.saved[info.id] = s;
        saveState({ tabs: this.saved });
      },
    };
    const app = new App(page, store);
    this.apps.set(info.id, app);
    this.observer.observe(page, { attributes: true });
    this.strip.setPhase(info.id, (page.dataset.phase ?? 'empty') as Phase);
  }

  /** Shows tab `id`: its page replaces the shown one (which keeps its state, detached). */
  private show(id: string): void {
    const app = this.apps.get(id);
    if (!app || this.active === id) return;
    if (this.active !== undefined) this.apps.get(this.active)?.root.remove();
    this.active = id;
    this.empty.remove();
    this.root.append(app.root);
    this.strip.select(id);
    app.shown();
    this.mirror();
  }

  /** The host closed tab `id`: its page and rows go, and its saved state. */
  private close(id: string): void {
    const app = this.apps.get(id);
    if (!app) return;
    const hadFocus = this.root.contains(document.activeElement) && this.strip.root.contains(document.activeElement);
    app.dispose();
    this.apps.delete(id);
    delete this.saved[id];
    saveState({ tabs: this.saved });
    this.strip.remove(id);
    if (this.active === id) {
      this.active = undefined;
      this.root.append(this.empty);
      this.mirror();
    }
    // the host shows the neighbour next (`tabActivate`); the keyboard stays in the strip
    if (hadFocus) queueMicrotask(() => this.strip.focusSelected());
  }

  private attributesChanged(records: MutationRecord[]): void {
    for (const r of records) {
      const page = r.target as HTMLElement;
      const id = page.id.replace(/^panel-/, '');
      if (r.attributeName === 'data-phase') this.strip.setPhase(id, (page.dataset.phase ?? 'empty') as Phase);
    }
    this.mirror();
  }

  /** `#app` carries the shown tab's `data-*` state (what tests and benchmarks wait on). */
  private mirror(): void {
    const from = this.active === undefined ? undefined : this.apps.get(this.active)?.root.dataset;
    for (const k of Object.keys(this.root.dataset)) if (!from || !(k in from)) delete this.root.dataset[k];
    if (from) Object.assign(this.root.dataset, from);
    else this.root.dataset.phase = 'empty';
  }
}
