import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  displayText, formatBytes, formatDateTime, formatDuration, isExpandable, MAX_CELL_CHARS, parseDateTime, rawText, truncate, viewerText, ZonedFormatter,
} from '../../../src/results/format';
import { classifyType } from '../../../src/results/types';

const reference = (ms: number, timeZone: string): string => {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })
      .formatToParts(ms).map((x) => [x.type, x.value]),
  );
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
};

describe('query/format', () => {
  it('prints numbers exactly and big integers as their own text', () => {
    assert.equal(rawText(0.1 + 0.2), '0.30000000000000004');
    assert.equal(rawText('9007199254740993'), '9007199254740993');
    assert.equal(rawText(123456789012), '123456789012');
    assert.equal(rawText(true), 'true');
    assert.equal(rawText({ a: [1, null] }), '{"a":[1,null]}');
  });

  it('parses ISO date-times with sub-second digits and any offset spelling', () => {
    assert.deepEqual(parseDateTime('2026-11-22T23:59:12.123456Z'), { epochMs: Date.UTC(2026, 10, 22, 23, 59, 12, 123), fraction: '123456', zoned: true });
    assert.equal(parseDateTime('2026-11-22T23:59:12-0700')?.epochMs, Date.UTC(2026, 10, 23, 6, 59, 12));
    assert.equal(parseDateTime('2026-11-22 23:59:12+05')?.epochMs, Date.UTC(2026, 10, 22, 18, 59, 12));
    assert.equal(parseDateTime('2026-11-22 23:59:12')?.zoned, false);
    assert.equal(parseDateTime('yesterday'), undefined);
  });

  it('shows zoned date-times in the project timezone, keeping the microseconds', () => {
    const ny = new ZonedFormatter('America/New_York');
    assert.equal(formatDateTime('2026-07-01T12:00:00.123456Z', ny), '2026-07-01 08:00:00.123456');
    assert.equal(formatDateTime('2026-12-01T12:00:00Z', ny), '2026-12-01 07:00:00');
    assert.equal(formatDateTime('2026-12-01 12:00:00', ny), '2026-12-01 12:00:00', 'no offset: shown as given');
    assert.equal(formatDateTime('not a date', ny), 'not a date');
    assert.equal(new ZonedFormatter('Not/AZone').timeZone, 'UTC');
  });

  it('agrees with Intl.DateTimeFormat across DST changes and odd offsets (property)', () => {
    for (const tz of ['Europe/Berlin', 'America/Los_Angeles', 'Australia/Lord_Howe', 'Asia/Kathmandu']) {
      const z = new ZonedFormatter(tz);
      fc.assert(
        fc.property(fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2040, 0, 1) }), (ms) => z.format(ms) === reference(ms, tz)),
        { numRuns: 400 },
      );
    }
  });

  it('formats a datetime column through the zone, other columns raw', () => {
    const z = new ZonedFormatter('Asia/Tokyo');
    assert.equal(displayText('2026-01-01T00:00:00Z', classifyType('DateTime'), z), '2026-01-01 09:00:00');
    assert.equal(displayText('2026-01-01T00:00:00Z', classifyType('String'), z), '2026-01-01T00:00:00Z');
    assert.equal(displayText('2026-01-01', classifyType('Date'), z), '2026-01-01');
  });

  it('truncates long text and marks it expandable; pretty-prints JSON for the viewer', () => {
    const long = 'x'.repeat(MAX_CELL_CHARS + 10);
    assert.equal(truncate(long).length, MAX_CELL_CHARS + 1);
    assert.equal(truncate('short'), 'short');
    const str = classifyType('String');
    assert.equal(isExpandable(long, str), true);
    assert.equal(isExpandable('a\nb', str), true);
    assert.equal(isExpandable('{"a":1}', str), true);
    assert.equal(isExpandable('{not json', str), false);
    assert.equal(isExpandable(42, classifyType('UInt8')), false);
    assert.equal(isExpandable(null, str), false);
    assert.deepEqual(viewerText('{"a":[1,2]}', str), { text: '{\n  "a": [\n    1,\n    2\n  ]\n}', json: true });
    assert.deepEqual(viewerText({ k: 'v' }, classifyType('Map(String, String)')), { text: '{\n  "k": "v"\n}', json: true });
    assert.deepEqual(viewerText(null, str), { text: 'NULL', json: false });
    assert.deepEqual(viewerText('plain', str), { text: 'plain', json: false });
  });

  it('formats bytes and durations for the header bar', () => {
    assert.deepEqual([formatBytes(999), formatBytes(1536), formatBytes(12_345_678)], ['999 B', '1.5 KB', '12 MB']);
    assert.deepEqual([formatDuration(842.4), formatDuration(1234), formatDuration(12_345)], ['842 ms', '1.23 s', '12.3 s']);
  });
});
