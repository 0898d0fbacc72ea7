import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { codePointToUtf16, lineStarts, OffsetConverter, offsetAt, positionAt, utf16ToCodePoint, utf8ByteToUtf16 } from '../../../src/language/hogql/text';

describe('range conversion', () => {
  it('converts code points to UTF-16 after emoji', () => {
    const src = '😀😀 select x';
    assert.equal(codePointToUtf16(src, 2), 4);
    assert.equal(codePointToUtf16(src, 10), 12);
    assert.equal(src.slice(codePointToUtf16(src, 10), codePointToUtf16(src, 11)), 'x');
    assert.equal(utf16ToCodePoint(src, 12), 10);
  });

  it('leaves BMP characters (é, 日) alone', () => {
    assert.equal(codePointToUtf16('é日x', 2), 2);
  });

  it('maps a PostHog error offset after an emoji onto the right token', async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const create = require('@posthog/hogql-parser') as () => Promise<{ parseSelect(s: string): string }>;
    const ph = await create();
    const src = "SELECT '😀' AS e, a @ b";
    const err = JSON.parse(ph.parseSelect(src)) as { error: boolean; start: { offset: number } };
    assert.equal(err.error, true);
    const at = new OffsetConverter(src).toUtf16(err.start.offset);
    assert.equal(src[at], '@');
    assert.equal(codePointToUtf16(src, err.start.offset), at);
  });

  it('OffsetConverter agrees with the plain functions on random text', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.nat(60), (s, n) => {
      const c = new OffsetConverter(s);
      assert.equal(c.toUtf16(n), codePointToUtf16(s, n));
      const u = codePointToUtf16(s, n);
      assert.equal(c.toCodePoint(u), utf16ToCodePoint(s, u));
    }), { numRuns: 500 });
  });

  it('converts UTF-8 byte offsets', () => {
    assert.equal(utf8ByteToUtf16('é😀x', 2 + 4), 3);
  });

  it('converts offsets to lines and back, with \\r\\n and lone \\r', () => {
    const src = 'a\r\nbc\rd\ne';
    const starts = lineStarts(src);
    assert.deepEqual(starts, [0, 3, 6, 8]);
    assert.deepEqual(positionAt(starts, 4), { line: 1, character: 1 });
    assert.equal(offsetAt(starts, src, { line: 3, character: 0 }), 8);
    assert.equal(offsetAt(starts, src, { line: 1, character: 99 }), 6);
  });
});
