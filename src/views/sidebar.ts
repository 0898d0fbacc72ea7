import type { Ctx } from '../ctx';
import { ResourceTree, type ViewName } from './resourceTree';
import { viewSpecs } from './specs';

/** All resource trees of the PostHog container, by view name. */
export class Sidebar {
  readonly trees = new Map<ViewName, ResourceTree<unknown>>();

  constructor(ctx: Ctx) {
    for (const spec of viewSpecs()) this.trees.set(spec.name, ctx.track(new ResourceTree(ctx, spec)));
  }

  tree(name: ViewName): ResourceTree<unknown> {
    const t = this.trees.get(name);
    if (!t) throw new Error(`No view named ${name}`);
    return t;
  }

  /** Reloads a view from its first page. */
  refresh(name: ViewName): void {
    this.tree(name).reset();
  }
}
