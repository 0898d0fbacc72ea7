/**
 * JSONEachRow text of an event row, for the engine's writer path (captured events). The sample
 * dataset's events are generated inside the engine (`sqlLoad.ts`).
 */
import type { EventRow } from './types';

/** Events of one person share its properties object: serialize it once. */
const personJson = new WeakMap<object, string>();

function jsonOnce(o: Record<string, unknown>): string {
  let s = personJson.get(o);
  if (s === undefined) personJson.set(o, (s = JSON.stringify(o)));
  return s;
}

export function eventToJsonRow(e: EventRow): string {
  return JSON.stringify({
    ...e,
    properties: JSON.stringify(e.properties),
    person_properties: jsonOnce(e.person_properties),
  });
}
