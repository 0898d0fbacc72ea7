// A small hostile imitation of PostHog for host tests (issue #13), NOT the emulator: it answers
// like PostHog's REST API but with payloads a real PostHog would not send — an insight whose name
// is a number or an object, a name with a right-to-left override, a flag whose name (its
// description) is an object, and insight pages whose ids repeat (a page shift of 3, as when items
// are created between two page fetches). Loopback only; closed by the test.
import * as http from 'node:http';

export const HOSTILE_KEY = `phx_${'h'.repeat(40)}`;
export const HOSTILE_PROJECT = 1;
export const INSIGHT_COUNT = 60;
const SHIFT = 3;

function insight(id) {
  const base = { id, short_id: `s${String(id).padStart(5, '0')}`, saved: true, favorited: false, query: null };
  if (id === 1) return { ...base, name: 42 };
  if (id === 2) return { ...base, name: { text: 'object name' }, derived_name: 'Derived pageviews' };
  if (id === 3) return { ...base, name: 'invoice\u202etxt.exe' };
  return { ...base, name: `Insight ${id}` };
}

function insightsPage(q) {
  if (q.get('favorited') === 'true') return { count: 0, next: null, previous: null, results: [] };
  const limit = Number(q.get('limit') ?? 100);
  const offset = Number(q.get('offset') ?? 0);
  const start = offset === 0 ? 0 : offset - SHIFT; // repeats the last SHIFT ids of the page before
  const ids = [];
  for (let i = start; i < Math.min(start + limit, INSIGHT_COUNT); i++) ids.push(i + 1);
  const more = start + ids.length < INSIGHT_COUNT;
  return { count: INSIGHT_COUNT, next: more ? `http://x/?offset=${offset + limit}` : null, previous: null, results: ids.map(insight) };
}

const FLAGS = { count: 1, next: null, previous: null, results: [{ id: 9, key: 'beta', name: { note: 'hi' }, active: true, filters: { groups: [{ properties: [], rollout_percentage: 50 }] } }] };

function answer(path, q) {
  if (path === '/api/users/@me/') {
    return { uuid: 'u1', email: 'hostile@example.com', team: { id: HOSTILE_PROJECT, name: 'Hostile' }, organization: { id: 'o1', name: 'Org' }, organizations: [{ id: 'o1', name: 'Org' }] };
  }
  if (path === '/api/projects/') return { count: 1, next: null, previous: null, results: [{ id: HOSTILE_PROJECT, name: 'Hostile', organization: 'o1' }] };
  if (path === `/api/projects/${HOSTILE_PROJECT}/insights/`) return insightsPage(q);
  if (path === `/api/projects/${HOSTILE_PROJECT}/feature_flags/`) return FLAGS;
  return { count: 0, next: null, previous: null, results: [] };
}

/** Starts the server on 127.0.0.1 (port 0); `close()` stops it. */
export async function startHostile() {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const ok = req.headers.authorization === `Bearer ${HOSTILE_KEY}`;
    const body = ok ? answer(url.pathname, url.searchParams) : { detail: 'Invalid key' };
    res.writeHead(ok ? 200 : 401, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => { server.closeAllConnections?.(); server.close(() => resolve(undefined)); }),
  };
}
