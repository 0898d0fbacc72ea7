// The PNG reader behind the README images' comparison (test/support/png.mjs): pixels decoded
// exactly through every row filter, and the share of differing pixels.
import * as assert from 'node:assert/strict';
import { deflateSync } from 'node:zlib';
import { decodePng, pngDifference, pngInfo } from '../../support/png.mjs';

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  return Buffer.concat([head, data, Buffer.alloc(4)]); // the reader does not check CRCs
}

const paeth = (a: number, b: number, c: number) => {
  const p = a + b - c;
  const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
};

/** An RGB PNG of `pixels` whose row y is written with filter y % 5. */
function encode(width: number, height: number, pixels: number[]): Buffer {
  const stride = width * 3;
  const rows: number[] = [];
  for (let y = 0; y < height; y++) {
    const f = y % 5;
    rows.push(f);
    for (let x = 0; x < stride; x++) {
      const at = y * stride + x;
      const a = x >= 3 ? pixels[at - 3]! : 0;
      const b = y > 0 ? pixels[at - stride]! : 0;
      const c = x >= 3 && y > 0 ? pixels[at - stride - 3]! : 0;
      rows.push((pixels[at]! - [0, a, b, (a + b) >> 1, paeth(a, b, c)][f]! + 256) & 0xff);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const sig = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([sig, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(Buffer.from(rows))), chunk('IEND', Buffer.alloc(0))]);
}

describe('PNG reader (README images)', () => {
  const width = 7;
  const height = 10;
  const pixels = Array.from({ length: width * height * 3 }, (_, i) => (i * 37 + (i >> 3) * 11) % 256);

  it('decodes every row filter exactly', () => {
    const png = encode(width, height, pixels);
    assert.deepEqual(pngInfo(png), { width, height, bitDepth: 8, colorType: 2, interlace: 0 });
    const d = decodePng(png);
    assert.equal(d.channels, 3);
    assert.deepEqual([...d.pixels], pixels);
  });

  it('measures the share of differing pixels, ignoring small channel noise', () => {
    const a = encode(width, height, pixels);
    assert.equal(pngDifference(a, a), 0);
    const changed = [...pixels];
    changed[0] = (changed[0]! + 100) % 256; // pixel 0, red
    changed[5] = (changed[5]! + 3) % 256; // pixel 1, blue: within the tolerance
    changed[3 * 9 + 1] = (changed[3 * 9 + 1]! + 128) % 256; // pixel 9, green
    assert.equal(pngDifference(a, encode(width, height, changed)), 2 / (width * height));
    assert.equal(pngDifference(a, encode(height, width, pixels)), 1, 'another size');
  });

  it('rejects what is not a PNG', () => {
    assert.throws(() => pngInfo(Buffer.from('GIF89a')), /not a PNG/);
  });
});
