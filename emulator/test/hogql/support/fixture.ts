/** A small shared dataset + test engine for the non-corpus HogQL tests. */
import { generateDataset } from '../../../src/data/generate';
import { runHogQLQuery, type HogQLQueryResponseBody } from '../../../src/hogql';
import { TestEngine } from './testEngine';

let engine: TestEngine | null = null;

export function testEngine(): TestEngine {
  if (!engine) {
    const dataset = generateDataset({ seed: 3, events: 400, days: 10, now: new Date('2025-01-31T00:00:00Z'), teamIds: [1, 2] });
    engine = new TestEngine(dataset);
  }
  return engine;
}

export function run(query: string, extra: Record<string, unknown> = {}): Promise<HogQLQueryResponseBody> {
  return runHogQLQuery({ query, teamId: 1, timezone: 'UTC', ...extra }, { engine: testEngine(), queryId: 'test' });
}

/** The error a query is rejected with (fails the test if it is not rejected). */
export async function rejection(query: string, extra: Record<string, unknown> = {}): Promise<Error & { code?: string; start?: number; end?: number }> {
  try {
    await run(query, extra);
  } catch (err) {
    return err as Error & { code?: string; start?: number; end?: number };
  }
  throw new Error(`expected the query to be rejected: ${query}`);
}
