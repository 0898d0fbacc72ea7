// The activation bench's baseline: an extension whose activate() does nothing. It reports the same
// timeline as ours (performance.now() when its module ran and when activate() ran), so the bench
// can show where the host spends the wall time around an activation that costs nothing.
const loaded = performance.now();
exports.activate = function activate() {
  const now = performance.now();
  return { activationMs: 0, timeline: { bundleStart: loaded, bundleEnd: loaded, activateStart: now, activateEnd: now } };
};
exports.deactivate = function deactivate() {};
