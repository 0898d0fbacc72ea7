import type { ResultPayload } from '../results/protocol';

/** A small fixed result the skeleton panel shows until queries run for real. */
export function sampleResult(): ResultPayload {
  return {
    queryId: 'sample',
    columns: [
      { name: 'event', type: 'String' },
      { name: 'count()', type: 'UInt64' },
      { name: 'last_seen', type: "DateTime64(6, 'UTC')" },
    ],
    rows: [
      ['$pageview', 48213, '2026-11-22T23:59:12.000000Z'],
      ['$autocapture', 20377, '2026-11-22T23:58:40.000000Z'],
      ['user signed up', 412, '2026-11-22T21:03:05.000000Z'],
      ['<img src=x onerror=alert(1)>', 1, null],
    ],
    hasMore: false,
    elapsedMs: 0,
  };
}
