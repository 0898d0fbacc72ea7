// The auto-LIMIT banner above a result (src/results/limitBanner.ts decides it, the host sends it
// with the result): its words as text, its actions as buttons, and a close button that hides it
// for this result only (the next result shows its own).
import type { LimitBanner } from '../../src/results/limitBanner';
import { formatCount } from '../../src/results/format';
import { POSTHOG_MAX_ROWS } from '../../src/results/limits';
import { button, el } from './dom';

export interface LimitBannerEvents {
  loadMore(): void;
  raiseLimit(): void;
}

export class LimitBannerView {
  readonly root = el('div', 'limit-banner');
  private readonly text = el('span', 'limit-banner-text');
  private readonly actions = el('span', 'limit-banner-actions');

  constructor(private readonly events: LimitBannerEvents) {
    this.root.setAttribute('role', 'status');
    const close = button('✕', 'Dismiss this note for this result', () => this.hide(), 'btn limit-banner-close');
    close.setAttribute('aria-label', 'Dismiss');
    this.root.append(this.text, this.actions, close);
    this.hide();
  }

  /** Shows `banner` (or nothing) for a new result. */
  show(banner: LimitBanner | undefined): void {
    if (!banner) return this.hide();
    this.text.textContent = banner.text;
    this.actions.replaceChildren(
      ...banner.actions.map((a) =>
        a === 'loadMore'
          ? button('Load more', 'Fetch the next page of rows', () => this.events.loadMore(), 'btn limit-banner-load-more')
          : button(`Run with LIMIT ${formatCount(POSTHOG_MAX_ROWS)}`, 'Run this statement again with an explicit LIMIT (your file is not changed)', () => this.events.raiseLimit(), 'btn limit-banner-raise'),
      ),
    );
    this.root.dataset.kind = banner.kind;
    this.root.hidden = false;
  }

  /** "Load more" is offered only while the result has more rows. */
  setMore(hasMore: boolean): void {
    for (const b of this.actions.querySelectorAll<HTMLButtonElement>('.limit-banner-load-more')) b.hidden = !hasMore;
  }

  hide(): void {
    this.root.hidden = true;
    delete this.root.dataset.kind;
  }
}
