// Benchmark runner inside the extension host: activates the empty baseline extension and the
// HogQL extension (neither is active yet: nothing in the workspace triggers them) and records the
// wall time of each `activate()` call, which includes loading the extension's bundle.
const vscode = require('vscode');
const fs = require('fs');

/**
 * `HOGQL_BENCH_CPU_PROF=<file prefix>` (bench.mjs --cpu-prof): a V8 CPU profile of the host's thread
 * over one side's activate() (the bundle's load included), written as <prefix>-<side>.cpuprofile.
 * The profiler's own cost shows in the wall and CPU times of such a run: use it for where, not how much.
 */
function profiler(prefix, side) {
  if (!prefix) return { stop: async () => {} };
  const inspector = require('inspector');
  const session = new inspector.Session();
  session.connect();
  const post = (method, params) => new Promise((resolve, reject) => session.post(method, params, (e, r) => (e ? reject(e) : resolve(r))));
  post('Profiler.enable');
  post('Profiler.setSamplingInterval', { interval: 50 });
  post('Profiler.start');
  return {
    stop: async () => {
      const { profile } = await post('Profiler.stop');
      session.disconnect();
      fs.writeFileSync(`${prefix}-${side}.cpuprofile`, JSON.stringify(profile));
    },
  };
}

exports.activate = async function activate() {
  const out = process.env.HOGQL_BENCH_RESULT;
  if (!out) return;
  const order = (process.env.HOGQL_BENCH_ORDER || 'empty,hogql').split(',');
  const ids = { empty: 'hogql-dev.empty', hogql: 'hogql-dev.vscode-hogql' };
  const result = {};
  try {
    for (const name of order) {
      const ext = vscode.extensions.getExtension(ids[name]);
      if (!ext) throw new Error(`${ids[name]} not installed`);
      if (ext.isActive) throw new Error(`${ids[name]} was already active`);
      const profile = profiler(process.env.HOGQL_BENCH_CPU_PROF, name);
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      const api = await ext.activate();
      const t1 = performance.now();
      const cpu = process.cpuUsage(c0);
      // what the extension does just after activate() returned (not in the row: printed beside it)
      const settled = api && api.settled ? await api.settled : undefined;
      const afterCpu = process.cpuUsage(c0);
      await profile.stop();
      // CPU time of the host process over the same span: on the shared machine the wall time is
      // mostly the wait for a core (load averages of 10-30 on 2 cores)
      result[name] = { wallMs: t1 - t0, cpuMs: (cpu.user + cpu.system) / 1000, insideMs: api && api.activationMs, languageMs: api && api.languageMs, phases: api && api.phases };
      if (settled) result[name].deferred = { ms: settled.ms, cpuMs: (afterCpu.user + afterCpu.system - cpu.user - cpu.system) / 1000, phases: settled.phases };
      // since s14: the registrations made before activate(), in the host's wait for our storage (src/early.ts)
      const early = api && api.early;
      if (early) result[name].early = { ms: early.end - early.start, beforeActivate: early.beforeActivate, phases: early.phases };
      const tl = api && api.timeline;
      if (tl) {
        // where the wall time went: the host before the bundle, from its start to activate() (its
        // evaluation, then the host's wait: since s13 split by bundleEnd), activate(), the host after
        const end = typeof tl.bundleEnd === 'number' ? tl.bundleEnd : tl.activateStart;
        result[name].timeline = {
          hostBefore: tl.bundleStart - t0,
          bundle: tl.activateStart - tl.bundleStart,
          bundleBody: end - tl.bundleStart,
          hostWait: tl.activateStart - end,
          activate: tl.activateEnd - tl.activateStart,
          hostAfter: t1 - tl.activateEnd,
        };
        // since s15 the host requires a small entry point (dist/main.js, timeline's bundleStart/End)
        // that requires the activation bundle on a timer, in the host's wait (src/main.ts)
        const load = tl.bundleLoad;
        // slackMs: the wait left after our work in it (the bundle's load, the early registrations);
        // near 0, that work ended the wait (the storage's answer was back before it was done)
        const ours = Math.max(load ? load.end : 0, early ? early.end : 0);
        if (load) result[name].bundleLoad = { ms: load.end - load.start, beforeEvalMs: load.evalStart - load.start, evalMs: load.evalEnd - load.evalStart, onTimer: load.onTimer, slackMs: tl.activateStart - ours };
      }
      if (name === 'hogql') {
        // nothing HogQL is open, so the language bundle (dist/language.js) must not be loaded yet
        result[name].languageBundleLoaded = Object.keys(require.cache).some((f) => /[\\/]dist[\\/]language\.js$/.test(f));
      }
    }
  } catch (e) {
    result.error = String((e && e.stack) || e);
  }
  fs.writeFileSync(out + '.tmp', JSON.stringify(result));
  fs.renameSync(out + '.tmp', out);
};
exports.deactivate = function deactivate() {};
