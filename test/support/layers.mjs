// The page's composited layers, as Chromium's compositor has them (CDP LayerTree, what DevTools'
// Layers panel shows), each with the class of the element it was made for. Webviews in
// code-server are same-origin iframes, so they share the workbench page's renderer and layer tree.
import { waitFor } from './host.mjs';

/**
 * `nudge` changes something on the page (the tree is pushed on the first frame after LayerTree is
 * enabled that changes it); it is called again every half second until the tree arrives.
 * @returns {Promise<{ id: string, width: number, height: number, className: string }[]>}
 */
export async function compositedLayers(page, nudge) {
  const cdp = await page.context().newCDPSession(page);
  try {
    let layers;
    cdp.on('LayerTree.layerTreeDidChange', (e) => {
      if (e.layers) layers = e.layers;
    });
    await cdp.send('DOM.enable');
    await cdp.send('LayerTree.enable');
    let nudged = 0;
    await waitFor(
      async () => {
        if (layers) return layers;
        if (Date.now() - nudged > 500) {
          nudged = Date.now();
          await nudge();
        }
        return undefined;
      },
      10_000,
      'the layer tree',
    );
    const out = [];
    for (const l of layers) {
      let className = '';
      if (l.backendNodeId) {
        const node = await cdp
          .send('DOM.describeNode', { backendNodeId: l.backendNodeId })
          .then((r) => r.node)
          .catch(() => undefined);
        const attrs = node?.attributes ?? [];
        const at = attrs.indexOf('class');
        className = at >= 0 ? attrs[at + 1] : '';
      }
      out.push({ id: l.layerId, width: l.width, height: l.height, className });
    }
    return out;
  } finally {
    await cdp.detach().catch(() => {});
  }
}
