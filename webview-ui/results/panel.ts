// The results panel (browser side): the tab strip and one `App` per result tab (its own model,
// grid, header, sort, filter and scroll position). Only the shown tab's page is in the document;
// the others are kept detached, so every selector and keyboard shortcut acts on the shown tab
// (export, copy, chart and cell viewer included). The shown tab's `data-*` state (phase, query
// id, …) is mirrored on `#app`. The host decides which tabs exist (`tabOpen` / `tabClose`).
import { assertNever } from '../../src/results/protocol';
import type { PanelMessage } from '../../src/results/panelProtocol';
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
  /**
   * Each tab's snapshot as the host sent it (packed text, src/webview/snapshotPack.ts), stored as it
   * came: VS Code hands this state to the host's panel serializer after a window reload
   * (src/webview/resultsRestore.ts).
   */
  private readonly snapshots: Record<string, unknown> = {};
  private readonly observer = new MutationObserver((records) => this.attributesChanged(records));

  constructor(private readonly root: HTMLElement) {
    const raw = loadState() as { tabs?: unknown; snapshots?: unknown } | undefined;
    if (raw && typeof raw.tabs === 'object' && raw.tabs !== null) {
      for (const [id, s] of Object.entries(raw.tabs)) this.saved[id] = sanitizeState(s);
    }
    if (raw && typeof raw.snapshots === 'object' && raw.snapshots !== null) Object.assign(this.snapshots, raw.snapshots);
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

  /** Stores the view states, snapshots, strip order and shown tab (VS Code keeps them across reloads). */
  private persist(): void {
    saveState({ tabs: this.saved, snapshots: this.snapshots, order: [...this.apps.keys()], active: this.active });
  }

  onMessage(msg: PanelMessage, receivedAt: number, sentAt?: number): void {
    switch (msg.kind) {
      case 'tabSnapshot':
        if (!this.apps.has(msg.tabId)) return;
        this.snapshots[msg.tabId] = msg.snapshot;
        this.persist();
        return;
      case 'pinned':
        this.apps.get(msg.tabId)?.setPin(msg.pin);
        return;
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
        this.persist();
      },
    };
    const app = new App(page, store, info.id);
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
    this.persist();
  }

  /** The host closed tab `id`: its page and rows go, and its saved state. */
  private close(id: string): void {
    const app = this.apps.get(id);
    if (!app) return;
    const hadFocus = this.root.contains(document.activeElement) && this.strip.root.contains(document.activeElement);
    app.dispose();
    this.apps.delete(id);
    delete this.saved[id];
    delete this.snapshots[id];
    this.persist();
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
