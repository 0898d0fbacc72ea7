// The results panel's tab strip: one tab per statement (labels and tooltips come from the host,
// src/results/tabs.ts, and go in as text). Keyboard as in VS Code's tab strips and the WAI-ARIA
// tabs pattern: Left/Right (and Home/End) move to a tab and show it, Delete closes the focused tab;
// a middle click closes one too. The host decides what is open: a close is a request to it.
import type { Phase } from '../../src/results/state';
import type { TabInfo } from '../../src/results/tabs';
import { el } from './dom';

export interface TabStripActions {
  /** The user picked tab `id`. */
  activate(id: string): void;
  /** The user asked to close tab `id`. */
  close(id: string): void;
}

interface TabNodes {
  wrap: HTMLElement;
  tab: HTMLButtonElement;
  marker: HTMLElement;
  label: HTMLElement;
  close: HTMLButtonElement;
  info: TabInfo;
  phase: Phase;
}

/** What a tab's marker shows for its run state (and says in its tooltip). */
const MARKERS: Record<Phase, { text: string; words: string }> = {
  empty: { text: '', words: '' },
  result: { text: '', words: '' },
  running: { text: '⟳', words: 'Running' },
  error: { text: '⚠', words: 'Failed' },
  cancelled: { text: '⊘', words: 'Cancelled' },
};

export const panelIdOf = (tabId: string): string => `panel-${tabId}`;
const tabIdOf = (tabId: string): string => `rtab-${tabId}`;

export class TabStrip {
  readonly root = el('div', 'result-tabs');
  private readonly tabs = new Map<string, TabNodes>();
  private selected: string | undefined;

  constructor(private readonly actions: TabStripActions) {
    this.root.setAttribute('role', 'tablist');
    this.root.setAttribute('aria-label', 'Results of each statement');
    this.root.hidden = true;
    this.root.addEventListener('keydown', (e) => this.onKey(e));
  }

  /** Adds tab `info` at the end, or relabels it when it exists. */
  open(info: TabInfo): void {
    const existing = this.tabs.get(info.id);
    if (existing) {
      existing.info = info;
      this.describe(existing);
      return;
    }
    const wrap = el('div', 'result-tab-wrap');
    wrap.setAttribute('role', 'presentation');
    const tab = el('button', 'result-tab');
    tab.type = 'button';
    tab.id = tabIdOf(info.id);
    tab.dataset.tabId = info.id;
    tab.setAttribute('role', 'tab');
    tab.setAttribute('aria-controls', panelIdOf(info.id));
    tab.setAttribute('aria-selected', 'false');
    tab.tabIndex = -1;
    const marker = el('span', 'result-tab-marker');
    marker.setAttribute('aria-hidden', 'true');
    const label = el('span', 'result-tab-label');
    tab.append(marker, label);
    const close = el('button', 'result-tab-close', '×');
    close.type = 'button';
    close.tabIndex = -1;
    const nodes: TabNodes = { wrap, tab, marker, label, close, info, phase: 'empty' };
    tab.addEventListener('click', () => this.actions.activate(info.id));
    tab.addEventListener('auxclick', (e) => e.button === 1 && this.actions.close(info.id));
    close.addEventListener('click', () => this.actions.close(info.id));
    wrap.append(tab, close);
    this.root.append(wrap);
    this.tabs.set(info.id, nodes);
    this.describe(nodes);
    this.root.hidden = false;
  }

  remove(id: string): void {
    this.tabs.get(id)?.wrap.remove();
    this.tabs.delete(id);
    if (this.selected === id) this.selected = undefined;
    this.root.hidden = this.tabs.size === 0;
  }

  /** Marks tab `id` as the one shown (the only one in the Tab order). */
  select(id: string): void {
    this.selected = id;
    for (const [tid, n] of this.tabs) {
      const on = tid === id;
      n.tab.setAttribute('aria-selected', String(on));
      n.tab.tabIndex = on ? 0 : -1;
      n.wrap.classList.toggle('active', on);
    }
  }

  /** Tab `id`'s run state changed: its marker and tooltip say so. */
  setPhase(id: string, phase: Phase): void {
    const n = this.tabs.get(id);
    if (!n || n.phase === phase) return;
    n.phase = phase;
    this.describe(n);
  }

  private describe(n: TabNodes): void {
    const m = MARKERS[n.phase];
    n.wrap.dataset.phase = n.phase;
    n.marker.textContent = m.text;
    n.marker.hidden = m.text === '';
    n.label.textContent = n.info.label;
    n.tab.title = m.words ? `${m.words}: ${n.info.title}` : n.info.title;
    n.close.title = `Close (Delete)${n.phase === 'running' ? ': cancels the query' : ''}`;
    n.close.setAttribute('aria-label', `Close ${n.info.label}`);
  }

  private onKey(e: KeyboardEvent): void {
    const ids = [...this.tabs.keys()];
    const focused = (document.activeElement as HTMLElement | null)?.dataset?.tabId;
    if (focused === undefined || ids.length === 0) return;
    const i = ids.indexOf(focused);
    let next: string | undefined;
    if (e.key === 'ArrowRight') next = ids[(i + 1) % ids.length];
    else if (e.key === 'ArrowLeft') next = ids[(i - 1 + ids.length) % ids.length];
    else if (e.key === 'Home') next = ids[0];
    else if (e.key === 'End') next = ids[ids.length - 1];
    else if (e.key === 'Delete') {
      e.preventDefault();
      this.actions.close(focused);
      return;
    } else return;
    e.preventDefault();
    this.tabs.get(next)?.tab.focus();
    this.actions.activate(next);
  }

  /** Puts the keyboard focus on the shown tab (after the focused one closed). */
  focusSelected(): void {
    if (this.selected !== undefined) this.tabs.get(this.selected)?.tab.focus();
  }
}
