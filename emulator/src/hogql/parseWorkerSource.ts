/**
 * Source of the parser worker thread, kept as text so it runs the same under tsx, mocha and an
 * esbuild bundle (no separate worker file to locate). It loads `@posthog/hogql-parser` from the
 * path the pool resolved, answers `{id, rule, text}` messages, and keeps integers beyond 2^53
 * exact by rewriting them to `{"$bigint": "<digits>"}` before JSON.parse (the parser prints any
 * int64 as a bare JSON number; see shared notes hogql-parser.md "Big ints").
 * A WASM RuntimeError poisons the instance, so the worker reports `crashed` and the pool
 * replaces the worker.
 */
export const PARSE_WORKER_SOURCE = String.raw`
const { parentPort, workerData } = require('node:worker_threads');
const create = require(workerData.parserPath);
const BIG = /"(?:[^"\\]|\\.)*"|(?<![\d.])-?\d{16,}(?![\d.eE])/g;
function protect(json) {
  return json.replace(BIG, (m) => {
    if (m.charCodeAt(0) === 34) return m;
    return Number.isSafeInteger(Number(m)) ? m : '{"$bigint":"' + m + '"}';
  });
}
const METHODS = { select: 'parseSelect', expr: 'parseExpr', program: 'parseProgram', template: 'parseFullTemplateString' };
const ready = create();
parentPort.on('message', async (msg) => {
  const parser = await ready;
  let json;
  try {
    json = parser[METHODS[msg.rule]](msg.text);
  } catch (e) {
    parentPort.postMessage({ id: msg.id, crashed: String((e && e.message) || e) });
    return;
  }
  try {
    parentPort.postMessage({ id: msg.id, result: JSON.parse(protect(json)) });
  } catch (e) {
    parentPort.postMessage({ id: msg.id, crashed: 'unreadable parser output: ' + String(e && e.message) });
  }
});
ready.then(() => parentPort.postMessage({ ready: true }));
`;
