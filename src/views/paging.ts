/**
 * Paging state of one list in a tree (the root of a view, or a node's children): the items loaded
 * so far, where the next page starts, the last error, and a generation counter so a response that
 * arrives after a reset (refresh, new filter, project switch) is dropped. Pure: no `vscode`.
 */

export interface Page<T> {
  results: T[];
  hasMore: boolean;
  nextOffset: number;
  count?: number | undefined;
}

export type FetchPage<T> = (offset: number, limit: number, signal: AbortSignal) => Promise<Page<T>>;

export type LoadOutcome = 'loaded' | 'failed' | 'stale';

/**
 * Pages merge by key: an item already shown (a page shift after an insert or delete between two
 * fetches, or a server that ignores a filter) is skipped, so ids are unique by construction, and
 * the count never falls below what is shown ("297 of 250" cannot happen).
 */
export class PagedList<T> {
  items: T[] = [];
  private readonly keys = new Set<unknown>();
  hasMore = false;
  count: number | undefined;
  error: unknown;
  /** True once the first page answered (or failed) for the current generation. */
  loaded = false;
  private offset = 0;
  private generation = 0;
  private pending: Promise<LoadOutcome> | undefined;
  private controller: AbortController | undefined;

  constructor(
    private readonly fetch: FetchPage<T>,
    readonly pageSize: number,
    /** What makes two items the same (the id the tree node is keyed by). */
    private readonly keyOf: (item: T) => unknown = (item) => item,
  ) {}

  /** Current generation (incremented by every reset). */
  get gen(): number {
    return this.generation;
  }

  get loading(): boolean {
    return this.pending !== undefined;
  }

  /** Forgets everything and cancels the request in flight; its answer will be dropped. */
  reset(): void {
    this.generation++;
    this.controller?.abort();
    this.controller = undefined;
    this.pending = undefined;
    this.items = [];
    this.keys.clear();
    this.hasMore = false;
    this.count = undefined;
    this.error = undefined;
    this.loaded = false;
    this.offset = 0;
  }

  /** Loads the first page unless it is loaded or loading (concurrent callers share one request). */
  ensureLoaded(): Promise<LoadOutcome> {
    if (this.pending) return this.pending;
    if (this.loaded) return Promise.resolve('loaded');
    return this.next();
  }

  /** Loads the next page (after a failure: retries the page that failed). */
  loadMore(): Promise<LoadOutcome> {
    if (this.pending) return this.pending;
    if (this.loaded && !this.hasMore && this.error === undefined) return Promise.resolve('loaded');
    return this.next();
  }

  /** Appends the items not shown yet (by key), in order. */
  private merge(results: readonly T[]): void {
    for (const item of results) {
      const key = this.keyOf(item);
      if (this.keys.has(key)) continue;
      this.keys.add(key);
      this.items.push(item);
    }
  }

  private next(): Promise<LoadOutcome> {
    const gen = this.generation;
    const controller = new AbortController();
    this.controller = controller;
    const run = async (): Promise<LoadOutcome> => {
      await Promise.resolve(); // so `pending` is set before this settles, even on a synchronous throw
      try {
        const page = await this.fetch(this.offset, this.pageSize, controller.signal);
        if (gen !== this.generation) return 'stale';
        this.merge(page.results);
        const moved = page.nextOffset > this.offset;
        this.offset = page.nextOffset;
        this.hasMore = page.hasMore && moved;
        if (page.count !== undefined) this.count = page.count;
        if (this.count !== undefined && this.items.length > this.count) this.count = this.items.length;
        this.error = undefined;
        return 'loaded';
      } catch (e) {
        if (gen !== this.generation) return 'stale';
        this.error = e;
        return 'failed';
      } finally {
        if (gen === this.generation) {
          this.loaded = true;
          this.pending = undefined;
          this.controller = undefined;
        }
      }
    };
    this.pending = run();
    return this.pending;
  }
}
