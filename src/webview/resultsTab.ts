import * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import { chartChoices } from '../query/chartChoices';
import type { ChartChoice } from '../results/chartSettings';
import type { Cell, HostToView, ResultPayload, ToHost, ToView } from '../results/protocol';
import type { WireRows } from '../results/wireText';
import { emptyPanelState, reducePanel, type PanelState } from '../results/state';
import type { PanelMessage } from '../results/panelProtocol';
import { makePin, restoredEnd, snapshotOf, type Pin, type SavedRef, type TabSnapshot } from '../results/snapshot';
import type { TabInfo } from '../results/tabs';
import { ResultsController, type ResultsView } from './resultsController';
import { packSnapshot } from './snapshotPack';
import { streamSeam } from '../ui/streamSeam';
import { firstRowsOut } from './settled';

type Request<K extends ToHost['kind']> = Extract<ToHost, { kind: K }>;

/**
 * A result with more rows than this streams: the first rows go at once, the rest in chunks after
 * the view has painted them (measured by scripts/bench/webview-grid.mjs: 100k × 20 rows in one
 * message took 1.4–2.2 s from post to paint through code-server; 1,000 rows paint at once).
 */
const FIRST_ROWS = 1_000;
/** Rows per `moreRows` chunk: small enough that decoding one stays a short task in the view. */
const CHUNK_ROWS = 5_000;
/**
 * The longest the host's own parse of a streamed result waits for the view to have every row
 * (`whole()`): work on the host's thread holds back the websocket's sends of the rows still on
 * their way (scripts/bench/webview-transport.mjs, issue #21).
 */
const WHOLE_WAIT_MS = 3_000;

/** What a tab needs of its panel: posting to the webview, and whether the webview listens. */
export interface TabHost {
  readonly ready: boolean;
  /** The panel's key and title (a tab's snapshot names them, to restore it after a reload). */
  readonly key: string;
  readonly title: string;
  /** Posts `message` for tab `tabId`; resolves once delivered. */
  post(tabId: string, message: HostToView): Thenable<boolean>;
  /** Posts a panel message (snapshot, pin) when the webview listens. */
  postPanel(message: PanelMessage): void;
  /** Dev hook: awaited before each streamed chunk (see ResultsPanel.setStreamGate). */
  readonly streamGate: ((chunk: number) => Promise<void>) | undefined;
  /** Resolves when the webview next says it listens (`ready`), or the panel goes. */
  whenReady(): Promise<void>;
}

/**
 * One tab of a results panel (host side): one statement's run state, its result (rows the host
 * holds, for "Load more" and export) and its controller. Each tab has its own state machine
 * (src/results/state.ts): after an error or a cancel no old grid remains in that tab.
 */
export class ResultsTab implements ResultsView {
  /** The run state, as the webview has it. */
  private state: PanelState = emptyPanelState();
  /**
   * What is on screen, re-posted on every `ready`: the result (appended rows merged in; stale while
   * a new query runs, gone after an error or a cancel) and the run's status messages.
   */
  private result: ResultPayload | undefined;
  private status: { loading?: ToView; progress?: ToView; end?: ToView } = {};
  /** The rest of a streamed result, sent once the view has painted its first rows. */
  private stream: { queryId: string; to: number; generation: number } | undefined;
  private generation = 0;
  /**
   * A result still arriving from PostHog (`ResultPayload.streaming`): its messages wait until the
   * view has painted the first rows; `ended` once its `streamEnd` is queued.
   */
  private arriving: { queryId: string; painted: boolean; queue: HostToView[]; ended: boolean; sent?: Thenable<boolean> | undefined } | undefined;
  /**
   * Batches of the arriving result sent as their wire text and not parsed yet: rows of `result`
   * after its `rows` (parsed into them when something reads the rows: `rowsIn()`).
   */
  private unparsed: WireRows[] = [];
  /** The streamed result whose end went out (`showStreamEnd`) before the host had parsed its rows. */
  private endedStream: string | undefined;
  /** Who waits for the view to hold a streamed result whole (`whole()`), by query. */
  private readonly wholeWaiters = new Map<string, () => void>();
  private closed = false;
  /** The statement the tab is for (saved with its snapshot); none for a panel's default tab. */
  ref: SavedRef | undefined;
  /** The pinned result its runs are diffed against (issue #17). */
  private pin: Pin | undefined;
  /** The webview has not stored this tab's latest snapshot yet (posted when it listens). */
  private snapshotDue = true;
  /** Owns this tab's run and answers its requests. */
  readonly controller: ResultsController;
  /** Where this tab's chart choice is kept (its document and statement: chartSettings.ts `chartKey`); none for other results. */
  chartKey: string | undefined;
  /** The chart chosen in this tab (kept under `chartKey` when it has one). */
  private chart: ChartChoice | undefined;

  constructor(
    private readonly ctx: Ctx,
    public info: TabInfo,
    private readonly host: TabHost,
    private readonly rendered: vscode.EventEmitter<Request<'rendered'>>,
  ) {
    this.controller = new ResultsController(ctx, this);
  }

  get id(): string {
    return this.info.id;
  }

  /** The result on show, with appended rows (for export). */
  get currentResult(): ResultPayload | undefined {
    return this.rowsIn();
  }

  /** Rows of the result received so far (parsed or not). */
  private received(): number {
    return (this.result?.rows.length ?? 0) + this.unparsed.reduce((n, w) => n + w.count, 0);
  }

  /** The result with every row received in its `rows` (the batches not parsed yet are parsed now). */
  private rowsIn(): ResultPayload | undefined {
    const r = this.result;
    if (r) for (const w of this.unparsed) for (const row of w.rows()) r.rows.push(row);
    this.unparsed = [];
    return r;
  }

  /** The query this tab shows as running, if any. */
  get runningQueryId(): string | undefined {
    return this.state.phase === 'running' ? this.state.queryId : undefined;
  }

  /** Whether a message about `queryId` is this tab's (its run, its result, or a query it started). */
  owns(queryId: string): boolean {
    return this.state.queryId === queryId || this.state.resultId === queryId || this.state.started.includes(queryId) || this.controller.owns(queryId);
  }

  /** Moves the run state; false when `message` is stale (of a superseded query) and is dropped. */
  private transition(message: ToView): boolean {
    if (this.closed) return false;
    const next = reducePanel(this.state, message);
    if (next) this.state = next;
    return next !== undefined;
  }

  /**
   * A streamed result is whole: its full description goes to the view, which completes it; the
   * host's rows follow in `showResult`. False when the message is stale (dropped).
   */
  showStreamEnd(meta: ResultPayload, rows: number): boolean {
    const a = this.arriving;
    const r = this.result;
    if (!a || a.ended || a.queryId !== meta.queryId || r?.queryId !== meta.queryId || rows !== this.received()) return true;
    // the rows are on their way already: only the full description follows
    if (!this.sendArriving({ kind: 'streamEnd', queryId: meta.queryId, result: { ...meta, rows: [], totalRows: rows } })) return false;
    this.result = this.withChart({ ...meta, rows: r.rows });
    a.ended = true;
    this.endedStream = meta.queryId;
    streamSeam.note(meta.queryId, 'streamEnd');
    if (a.painted) this.arriving = undefined;
    return true;
  }

  /**
   * Resolves once the view says it holds the streamed result `queryId` whole (its `rendered` with
   * `complete`), at once when no view listens, and after `WHOLE_WAIT_MS` at the latest.
   */
  whole(queryId: string): Promise<void> {
    if (!this.host.ready || this.closed || this.endedStream !== queryId) return Promise.resolve();
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.wholeWaiters.delete(queryId);
        resolve();
      };
      const timer = setTimeout(done, WHOLE_WAIT_MS);
      this.wholeWaiters.get(queryId)?.();
      this.wholeWaiters.set(queryId, done);
    });
  }

  showResult(result: ResultPayload, streamedRows?: number): void {
    if (streamedRows !== undefined && this.result?.queryId === result.queryId && streamedRows === this.received()) {
      if (this.endedStream !== result.queryId && !this.showStreamEnd({ ...result, rows: [] }, streamedRows)) return;
      if (this.endedStream === result.queryId) {
        // the view has it whole already: the host now holds every row, parsed
        this.endedStream = undefined;
        this.unparsed = [];
        this.result = this.withChart(result);
        this.saveSnapshot();
        return;
      }
    }
    this.endedStream = undefined;
    this.unparsed = [];
    this.arriving = undefined;
    if (!this.transition({ kind: 'result', result })) return;
    this.result = this.withChart(result);
    this.status = {};
    this.postResult();
    this.saveSnapshot();
  }

  /** `result` with the chart chosen for this tab's statement, unless it brings its own. */
  private withChart(result: ResultPayload): ResultPayload {
    const chart = (this.chartKey === undefined ? undefined : chartChoices(this.ctx).byKey(this.chartKey)) ?? this.chart;
    return chart && !result.chart ? { ...result, chart } : result;
  }

  /**
   * Shows the first rows of a result still arriving. Resolves once the view has them (in a panel
   * just opened, once its page listens; at once without a view; capped: src/webview/settled.ts):
   * the body is read on then, so the host's work on the next rows does not hold back their send.
   */
  showStreamStart(first: ResultPayload): Promise<void> {
    const result: ResultPayload = this.withChart({ ...first, rows: first.rows.slice(), streaming: true });
    if (!this.transition({ kind: 'result', result })) return Promise.resolve();
    this.result = result;
    this.unparsed = [];
    this.endedStream = undefined;
    this.status = {};
    this.arriving = { queryId: result.queryId, painted: false, queue: [], ended: false };
    this.postResult();
    // (a page that says `ready` later gets the rows so far then: `repost`)
    const sent = (): Thenable<boolean> | undefined => (this.arriving?.queryId === result.queryId ? this.arriving.sent : undefined);
    return firstRowsOut(this.host, sent(), sent).then(() => streamSeam.note(result.queryId, 'firstOut'));
  }

  streamRows(queryId: string, rows: Cell[][] | WireRows): void {
    const r = this.result;
    if (this.arriving?.queryId !== queryId || this.arriving.ended || r?.queryId !== queryId) return;
    streamSeam.note(queryId, 'moreRows');
    if (Array.isArray(rows)) {
      this.rowsIn(); // (the batches before these go first)
      for (const row of rows) r.rows.push(row);
      this.sendArriving({ kind: 'moreRows', queryId, rows });
    } else {
      this.unparsed.push(rows);
      this.sendArriving({ kind: 'moreRows', queryId, rows });
    }
  }

  /** Posts a message of the arriving result, or queues it until the view has painted the first rows. */
  private sendArriving(message: HostToView): boolean {
    // (the state moves on a message's kind and query; encoded rows are rows like any)
    if (!this.transition(message.kind === 'moreRows' ? { kind: 'moreRows', queryId: message.queryId, rows: [] } : message)) return false;
    if (this.arriving?.painted) this.post(message);
    else this.arriving?.queue.push(message);
    return true;
  }

  /** Posts what this tab shows (after the webview said `ready`): the result, its status and pin. */
  repost(): void {
    this.postResult();
    for (const m of [this.status.loading, this.status.progress, this.status.end]) if (m) this.post(m);
    if (this.pin) this.host.postPanel({ kind: 'pinned', tabId: this.id, pin: this.pin });
    if (this.snapshotDue) this.saveSnapshot();
  }

  /** Pins the result `queryId` on show (its next runs are diffed against it); keeps chosen keys that still apply. */
  pinResult(queryId: string): void {
    const r = this.rowsIn();
    if (!r || r.queryId !== queryId) return;
    const keys = (this.pin?.keys ?? []).filter((k) => r.columns.some((c) => c.name === k));
    this.setPin(makePin(r, keys));
  }

  get pinned(): Pin | undefined {
    return this.pin;
  }

  /** Sets (or, with none, drops) the pin; the view re-diffs and the snapshot keeps it. */
  setPin(pin: Pin | undefined): void {
    this.pin = pin;
    this.host.postPanel(pin ? { kind: 'pinned', tabId: this.id, pin } : { kind: 'pinned', tabId: this.id });
    this.saveSnapshot();
  }

  /** What comes back after a window reload: the statement, the result's first rows or how the run ended, the pin. */
  snapshot(): TabSnapshot {
    const base = { panelKey: this.host.key, panelTitle: this.host.title, tab: this.info, ...(this.ref ? { ref: this.ref } : {}), ...(this.pin ? { pin: this.pin } : {}) };
    return snapshotOf(base, { phase: this.state.phase, result: this.rowsIn(), end: this.status.end });
  }

  /** Posts the snapshot for the webview to store (or, while it does not listen, on its next `ready`). */
  saveSnapshot(): void {
    this.snapshotDue = true;
    if (!this.host.ready || this.closed) return;
    this.host.postPanel({ kind: 'tabSnapshot', tabId: this.id, snapshot: packSnapshot(this.snapshot()) });
    this.snapshotDue = false;
  }

  /** Shows what `snap` saved (after a window reload); the webview gets it on its `ready`. */
  restore(snap: TabSnapshot): void {
    if (snap.ref) this.ref = snap.ref;
    this.pin = snap.pin;
    const end = restoredEnd(snap);
    if (snap.result) this.showResult(snap.result);
    else if (end?.kind === 'error') this.showError(`restored-${this.id}`, end.message);
    else if (end?.kind === 'cancelled') this.showCancelled(`restored-${this.id}`);
  }

  /** Posts the current result: all of it, or its first rows with the rest to stream (FIRST_ROWS). */
  private postResult(): void {
    const r = this.rowsIn();
    if (!r) return;
    const generation = ++this.generation;
    if (this.arriving?.ended) this.arriving = undefined; // the result is whole: posted as any other
    if (this.arriving) {
      // still arriving: every row so far at once, and what comes next once the view painted them
      this.stream = undefined;
      Object.assign(this.arriving, { painted: false, queue: [], sent: this.post({ kind: 'result', result: { ...r, rows: r.rows.slice() } }) });
      return;
    }
    // (the naive benchmark baseline renders one full table of every row: never streamed)
    if (r.rows.length <= FIRST_ROWS || r.devRenderer === 'naive') {
      this.stream = undefined;
      this.post({ kind: 'result', result: r });
      return;
    }
    this.stream = { queryId: r.queryId, to: r.rows.length, generation };
    this.post({ kind: 'result', result: { ...r, rows: r.rows.slice(0, FIRST_ROWS), totalRows: r.rows.length } });
  }

  /** The view painted `msg.queryId`'s first rows (or all of them): the rest of a stream follows. */
  async onRendered(msg: Request<'rendered'>): Promise<void> {
    this.rendered.fire(msg);
    streamSeam.note(msg.queryId, msg.complete ? 'complete' : 'rendered');
    if (msg.complete && !streamSeam.ignoresComplete()) this.wholeWaiters.get(msg.queryId)?.();
    const a = this.arriving;
    if (a?.queryId === msg.queryId && !a.painted) {
      a.painted = true;
      for (const m of a.queue.splice(0)) this.post(m);
      if (a.ended) this.arriving = undefined;
    }
    const s = this.stream;
    if (s?.queryId !== msg.queryId) return;
    this.stream = undefined;
    for (let at = FIRST_ROWS, chunk = 0; at < s.to; at += CHUNK_ROWS, chunk++) {
      await this.host.streamGate?.(chunk);
      const r = this.result;
      // a newer result, the tab closed, or the view went away (it gets the result again on `ready`)
      if (!this.host.ready || this.closed || s.generation !== this.generation || r?.queryId !== msg.queryId) return;
      await this.host.post(this.id, { kind: 'moreRows', queryId: msg.queryId, rows: r.rows.slice(at, Math.min(at + CHUNK_ROWS, s.to)) });
    }
  }

  /** The user chose a chart for the result on screen: kept for the statement, and re-posted with the result. */
  async setChart(queryId: string, choice: ChartChoice): Promise<void> {
    this.chart = choice;
    if (this.result?.queryId === queryId) this.result = { ...this.result, chart: choice };
    if (this.chartKey !== undefined) await chartChoices(this.ctx).setByKey(this.chartKey, choice);
  }

  /** Appends the next page of the current result (answer to `loadMore`). */
  appendRows(queryId: string, rows: Cell[][], hasMore: boolean): void {
    const message: ToView = { kind: 'appendRows', queryId, rows, hasMore };
    const r = this.rowsIn();
    if (!r || !this.transition(message)) return;
    this.result = { ...r, rows: r.rows.concat(rows), hasMore };
    this.post(message);
    this.saveSnapshot();
  }

  showLoading(queryId: string, message: string, query?: string): void {
    this.setStatus(query === undefined ? { kind: 'loading', queryId, message } : { kind: 'loading', queryId, message, query });
  }

  showProgress(queryId: string, elapsedMs: number, rowsRead?: number, bytesRead?: number): void {
    this.setStatus({ kind: 'progress', queryId, elapsedMs, ...(rowsRead === undefined ? {} : { rowsRead }), ...(bytesRead === undefined ? {} : { bytesRead }) });
  }

  showError(queryId: string, message: string, details?: string): void {
    this.setStatus(details === undefined ? { kind: 'error', queryId, message } : { kind: 'error', queryId, message, details });
  }

  showCancelled(queryId: string): void {
    this.setStatus({ kind: 'cancelled', queryId });
  }

  private setStatus(message: ToView): void {
    if (!this.transition(message)) return;
    if (message.kind === 'loading') this.status = { loading: message };
    else if (message.kind === 'progress') this.status.progress = message;
    else {
      // an error or a cancel: the previous result is no longer on screen (nor streaming)
      this.status = { end: message };
      this.result = undefined;
      this.unparsed = [];
      this.endedStream = undefined;
      this.stream = undefined;
      this.arriving = undefined;
    }
    this.post(message);
    if (message.kind !== 'progress') this.saveSnapshot();
  }

  /** Posts `message` when the view listens; gives the post (settles once delivered). */
  private post(message: HostToView): Thenable<boolean> | undefined {
    return this.host.ready && !this.closed ? this.host.post(this.id, message) : undefined;
  }

  /** The tab closed (or its panel did): its running query is cancelled and its rows released. */
  close(): void {
    if (this.closed) return;
    for (const done of [...this.wholeWaiters.values()]) done();
    this.controller.closed(this.runningQueryId);
    this.closed = true;
    this.result = undefined;
    this.unparsed = [];
    this.endedStream = undefined;
    this.status = {};
    this.stream = undefined;
    this.pin = undefined;
    this.arriving = undefined;
    this.controller.release();
  }
}

