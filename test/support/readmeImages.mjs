// The README's screenshots (issue #17), taken by the UI tests in the real workbench. README_IMAGES
// is the one list both sides use: each image the README shows, the UI test that takes it and what
// it shows. `readmeShot` refuses any other name; test/unit/docs/readmeImages.test.ts checks that
// the README shows exactly these, that each is committed under docs/images/, small, and taken by
// the test named here; scripts/test.mjs checks after a whole UI run that each was taken in it.
//
// Every shot is written to artifacts/readme-images/ (the evidence of this run) and to docs/images/
// when it differs from the committed image in more than MIN_CHANGE of its pixels: a clock or an
// elapsed time in the frame does not churn the working tree, a changed layout does. Delete an image
// under docs/images/ to take it again regardless.
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pngDifference } from './png.mjs';

// (not host.mjs's `root`: the unit layer imports this list without the UI harness)
const root = fileURLToPath(new URL('../..', import.meta.url));

export const README_DIR = join(root, 'docs', 'images');
export const RUN_DIR = join(root, 'artifacts', 'readme-images');
/** Share of pixels that must differ before a committed image is replaced. */
export const MIN_CHANGE = 0.005;

/** @type {ReadonlyArray<{ name: string, test: string, shows: string }>} */
export const README_IMAGES = [
  { name: 'language-completion.png', test: 'test/ui/language.test.mjs', shows: 'function completion with its signature' },
  { name: 'language-diagnostics.png', test: 'test/ui/language.test.mjs', shows: "a syntax error from PostHog's parser, hovered" },
  { name: 'run-grid.png', test: 'test/ui/run.test.mjs', shows: 'a statement run with Ctrl+Enter and its result grid' },
  { name: 'chart.png', test: 'test/ui/chart-choice.test.mjs', shows: 'the chart tab with a chosen x, series, right axis and type' },
  { name: 'pin-diff.png', test: 'test/ui/results-pin.test.mjs', shows: 'a run diffed against the pinned result' },
  { name: 'cells.png', test: 'test/ui/cells.test.mjs', shows: 'link cells and the cell context menu' },
  { name: 'sidebar.png', test: 'test/ui/sidebar.test.mjs', shows: 'the PostHog sidebar with a filtered feature flag' },
  { name: 'signin.png', test: 'test/ui/signin.test.mjs', shows: 'signing in: the project step' },
];

/**
 * Hidden while shooting: notification toasts, the editor's blinking cursor and the workbench's
 * hover tooltips (and, unless `hovers`, the editor's hovers), so a stray mouse position or a toast
 * never lands in the README.
 */
const hideCss = (hovers) =>
  [
    '.notifications-toasts, .notifications-center { display: none !important; }',
    '.monaco-editor .cursors-layer { visibility: hidden !important; }',
    '.workbench-hover-container { display: none !important; }',
    hovers ? '' : '.monaco-editor .monaco-hover { display: none !important; }',
  ].join('\n');

/** A rectangle from a Locator, an ElementHandle or a plain { x, y, width, height }. */
async function boxOf(target) {
  const box = typeof target.boundingBox === 'function' ? await target.boundingBox() : target;
  if (!box || !(box.width > 0 && box.height > 0)) throw new Error('readmeShot: a target is not visible');
  return box;
}

/** The union of the targets' boxes, padded by `pad` and kept inside the viewport; whole pixels. */
async function clipOf(page, targets, pad) {
  const boxes = await Promise.all(targets.map(boxOf));
  const view = page.viewportSize();
  const x0 = Math.max(0, Math.floor(Math.min(...boxes.map((b) => b.x)) - pad));
  const y0 = Math.max(0, Math.floor(Math.min(...boxes.map((b) => b.y)) - pad));
  const x1 = Math.min(view.width, Math.ceil(Math.max(...boxes.map((b) => b.x + b.width)) + pad));
  const y1 = Math.min(view.height, Math.ceil(Math.max(...boxes.map((b) => b.y + b.height)) + pad));
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

/**
 * The part of `area` (e.g. a webview's frame element or the editor part) from its top down to the
 * lowest bottom of `content` plus `margin`: the same width, without the empty space below.
 */
export async function topOf(area, content, margin = 16) {
  const box = await boxOf(area);
  const bottoms = await Promise.all(content.map(async (c) => {
    const b = await boxOf(c);
    return b.y + b.height;
  }));
  return { x: box.x, y: box.y, width: box.width, height: Math.min(box.height, Math.max(...bottoms) + margin - box.y) };
}

/**
 * Takes the README image `name` (one of README_IMAGES) of the region covering `targets` (Locators,
 * ElementHandles or rectangles in page coordinates; a webview's region is its frame element's box).
 * Returns whether the committed image was replaced.
 */
export async function readmeShot(page, name, targets, { pad = 8, hovers = false } = {}) {
  if (!README_IMAGES.some((i) => i.name === name)) throw new Error(`readmeShot: ${name} is not in README_IMAGES`);
  const clip = await clipOf(page, Array.isArray(targets) ? targets : [targets], pad);
  const png = await page.screenshot({ clip, animations: 'disabled', caret: 'hide', style: hideCss(hovers) });
  mkdirSync(RUN_DIR, { recursive: true });
  writeFileSync(join(RUN_DIR, name), png);
  const committed = join(README_DIR, name);
  const changed = !existsSync(committed) || pngDifference(readFileSync(committed), png) > MIN_CHANGE;
  if (changed) {
    mkdirSync(README_DIR, { recursive: true });
    writeFileSync(committed, png);
  }
  return changed;
}

/** README images not taken (written to artifacts/readme-images/) since `sinceMs`. */
export function readmeImagesNotTakenSince(sinceMs) {
  return README_IMAGES.map((i) => i.name).filter((name) => {
    const f = join(RUN_DIR, name);
    return !existsSync(f) || statSync(f).mtimeMs < sinceMs;
  });
}
