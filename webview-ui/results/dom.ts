// DOM builders. Data only ever reaches the page through `textContent` / `value`, never as HTML.

/** Creates an element with an optional class and text. */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/**
 * Sets an element's text, reusing its one text node (a recycled grid cell): `textContent` would
 * replace the node, and a new node is a new layout object to build and attach on every refill.
 */
export function setText(node: HTMLElement, text: string): void {
  const t = node.firstChild;
  if (t !== null && t === node.lastChild && t.nodeType === Node.TEXT_NODE) {
    if ((t as Text).data !== text) (t as Text).data = text;
  } else node.textContent = text;
}

/** A toolbar button with a label, a tooltip and a click handler. */
export function button(label: string, title: string, onClick: (e: MouseEvent) => void, className = 'btn'): HTMLButtonElement {
  const b = el('button', className, label);
  b.type = 'button';
  b.title = title;
  b.addEventListener('click', onClick);
  return b;
}

/** Calls `fn` once `ms` after the last call. */
export function debounce<A extends unknown[]>(fn: (...args: A) => void, ms: number): (...args: A) => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return (...args: A) => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      fn(...args);
    }, ms);
  };
}

/** The value of a VS Code theme variable (`--vscode-…`), trimmed; `fallback` when unset. */
export function themeColor(name: string, fallback: string): string {
  const v = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  return v || fallback;
}
