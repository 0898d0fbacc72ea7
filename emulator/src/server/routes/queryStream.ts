/**
 * The blocking HogQLQuery answer: small results as one body; big ones (`hogql.streamHogQLQuery`)
 * written as the engine produces them, in PostHog's key order (`ResultCache.decorate`): every key
 * before `results` is known once the row count is, `results` is written row block by row block,
 * and `timezone`, `timings` and `types` follow. The finished body is cached like any other (its
 * rows as JSON text); a client that goes away stops the engine's work.
 */
import type { Project } from '../../model/identity';
import { RawJson, type HogQLRun } from '../../hogql/index';
import type { App } from '../app';
import { serialize, streamHogQLQueryNode } from '../queryAdapter';
import type { Reply } from '../types';

const RESULTS_HOLE = '\u0000results';
const TIMINGS_HOLE = '\u0000timings';

type Streamed = Extract<HogQLRun, { kind: 'stream' }>;

/** The body's text around the rows and the timings (both written later). */
function frame(app: App, run: Streamed, cacheKey: string, lastRefresh: number, timezone: string): [string, string, string] {
  const body = { ...run.head, results: new RawJson(RESULTS_HOLE), timings: new RawJson(TIMINGS_HOLE) };
  const text = serialize(app.cache.decorate({ body, cacheKey, lastRefresh }, false, timezone));
  const [before, rest] = text.split(RESULTS_HOLE);
  const [between, after] = rest.split(TIMINGS_HOLE);
  return [before, between, after];
}

function streamReply(app: App, project: Project, queryId: string, cacheKey: string, run: Streamed, finished: () => void): Reply {
  const lastRefresh = Date.now();
  const [before, between, after] = frame(app, run, cacheKey, lastRefresh, project.timezone);
  const stream = async (write: (text: string) => Promise<void>): Promise<void> => {
    const parts: string[] = [];
    let complete = false;
    try {
      await write(`${before}[`);
      for await (const batch of run.rows) {
        await write(parts.length === 0 ? batch : `,${batch}`);
        parts.push(batch);
      }
      const timings = run.timings();
      await write(`]${between}${serialize(timings)}${after}`);
      complete = true;
      // Joined when the cache serves it: the body's end is not held up by a copy of every row.
      app.cache.set(cacheKey, { ...run.head, results: new RawJson(() => `[${parts.join(',')}]`), timings }, lastRefresh);
    } finally {
      if (!complete) app.jobs.abort(project.id, queryId);
      finished();
    }
  };
  return { status: 200, stream };
}

/** `refresh` blocking (on a cache miss) or force_blocking, for a HogQLQuery node. */
export async function blockingHogQLReply(app: App, project: Project, node: Record<string, unknown>, queryId: string, cacheKey: string): Promise<Reply> {
  let finished: () => void = () => undefined;
  const streamEnded = new Promise<void>((resolve) => (finished = resolve));
  const run = await app.jobs.runBlocking(
    project.id,
    queryId,
    (signal, onProgress) => streamHogQLQueryNode(app, project, node, { queryId, signal, onProgress }),
    (r) => (r.kind === 'stream' ? streamEnded : null),
  );
  if (run.kind === 'body') {
    const entry = app.cache.set(cacheKey, run.body as unknown as Record<string, unknown>);
    return { status: 200, text: serialize(app.cache.decorate(entry, false, project.timezone)) };
  }
  return streamReply(app, project, queryId, cacheKey, run, finished);
}
