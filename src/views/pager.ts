import { ErrorNode } from './nodes/errorNode';
import { LoadMoreNode } from './nodes/loadMoreNode';
import type { TreeNode } from './nodes/node';
import { FetchPage, PagedList } from './paging';

/**
 * A paged list rendered as nodes: the items loaded so far (node instances are kept, so a change
 * can be fired for them), then "Load more…" or an error node with Retry.
 */
export class Pager<T> {
  readonly list: PagedList<T>;
  private nodes: TreeNode[] = [];
  private mapped = 0;
  private mappedGen = -1;

  constructor(
    fetch: FetchPage<T>,
    pageSize: number,
    private readonly toNode: (item: T) => TreeNode,
    private readonly idPrefix: string,
    /** Called after a page was appended or failed (not for stale answers). */
    private readonly changed: () => void,
    /** The key items merge by (the id in their node's id). */
    keyOf: (item: T) => unknown,
  ) {
    this.list = new PagedList(fetch, pageSize, keyOf);
  }

  reset(): void {
    this.list.reset();
    this.nodes = [];
    this.mapped = 0;
  }

  /** Loads the first page if needed, then renders. */
  async render(): Promise<TreeNode[]> {
    await this.list.ensureLoaded();
    return this.current();
  }

  /** Nodes for what is loaded now (no request). */
  current(): TreeNode[] {
    const l = this.list;
    if (this.mappedGen !== l.gen) {
      this.nodes = [];
      this.mapped = 0;
      this.mappedGen = l.gen;
    }
    for (; this.mapped < l.items.length; this.mapped++) this.nodes.push(this.toNode(l.items[this.mapped]));
    const out = [...this.nodes];
    if (l.error !== undefined) out.push(new ErrorNode(`${this.idPrefix}/error/${l.items.length}`, this, l.error));
    else if (l.hasMore) out.push(new LoadMoreNode(`${this.idPrefix}/more/${l.items.length}`, this, l.items.length, l.count));
    return out;
  }

  async loadMore(): Promise<void> {
    const outcome = await this.list.loadMore();
    if (outcome !== 'stale') this.changed();
  }

  async retry(): Promise<void> {
    const outcome = await this.list.loadMore();
    if (outcome !== 'stale') this.changed();
  }
}
