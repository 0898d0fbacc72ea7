/**
 * Test seam of a streamed result's end (issue #21): the host's work after the stream (`settle()`)
 * starts only once the panel reports the result whole (`ResultsTab.whole()`, capped at 3 s), because work on
 * the host's thread holds back the websocket's sends of the rows still on their way.
 *
 * Only when the extension host runs with HOGQL_TEST_HOOKS=1 (the host test harness; users never
 * set it): each step is recorded with its time — `firstOut` (the post of a result's first rows
 * settled: the body is read on, s15), `moreRows` (a later batch came to the panel's tab),
 * `rendered` (the panel painted a result's first rows), `streamEnd` (the panel's end message queued),
 * `complete` (the panel said it holds every row), `parse` (the host's work after the stream
 * began: `Arrival.settle()`, which parses the rows no view took; since s14 a posted batch is parsed
 * when posted) — and a test may have the host ignore the panel's `complete` (`ignoreComplete`), as if it
 * never came, to see the cap. Without the variable nothing is recorded and nothing is ignored.
 */
export type StreamStep = 'firstOut' | 'moreRows' | 'rendered' | 'streamEnd' | 'complete' | 'parse';

export interface StreamEvent {
  queryId: string;
  step: StreamStep;
  /** performance.now() */
  at: number;
}

const events: StreamEvent[] = [];
let ignoring = false;

export const streamSeam = {
  enabled: (): boolean => __TEST_HOOKS__ && process.env.HOGQL_TEST_HOOKS === '1',
  note(queryId: string, step: StreamStep): void {
    if (streamSeam.enabled()) events.push({ queryId, step, at: performance.now() });
  },
  events: (): readonly StreamEvent[] => events,
  /** Whether the host acts as if the panel's `complete` never came (test hooks only). */
  ignoresComplete: (): boolean => ignoring && streamSeam.enabled(),
  ignoreComplete(on: boolean): void {
    if (!streamSeam.enabled()) throw new Error('test hooks are off');
    ignoring = on;
  },
};
