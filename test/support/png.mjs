// A minimal PNG reader for the README images (test/support/readmeImages.mjs): the size from IHDR,
// and the pixels of 8-bit RGB / RGBA non-interlaced images (what Chromium's screenshots are), so a
// new screenshot can be compared with the committed one pixel by pixel. No dependency.
import { inflateSync } from 'node:zlib';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The chunks of a PNG file: [{ type, data }]. Throws on anything that is not a PNG. */
function chunks(buf) {
  if (buf.length < 8 || !buf.subarray(0, 8).equals(SIGNATURE)) throw new Error('not a PNG file');
  const out = [];
  for (let at = 8; at + 8 <= buf.length; ) {
    const len = buf.readUInt32BE(at);
    const type = buf.toString('latin1', at + 4, at + 8);
    out.push({ type, data: buf.subarray(at + 8, at + 8 + len) });
    at += 12 + len;
    if (type === 'IEND') break;
  }
  return out;
}

/** Width, height, bit depth, colour type and interlace of a PNG file's bytes. */
export function pngInfo(buf) {
  const ihdr = chunks(buf).find((c) => c.type === 'IHDR');
  if (!ihdr) throw new Error('PNG without IHDR');
  const d = ihdr.data;
  return { width: d.readUInt32BE(0), height: d.readUInt32BE(4), bitDepth: d[8], colorType: d[9], interlace: d[12] };
}

const paeth = (a, b, c) => {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
};

/** Decodes an 8-bit RGB or RGBA, non-interlaced PNG: { width, height, channels, pixels }. */
export function decodePng(buf) {
  const info = pngInfo(buf);
  const channels = { 2: 3, 6: 4 }[info.colorType];
  if (info.bitDepth !== 8 || !channels || info.interlace !== 0) {
    throw new Error(`unsupported PNG (bit depth ${info.bitDepth}, colour type ${info.colorType}, interlace ${info.interlace})`);
  }
  const raw = inflateSync(Buffer.concat(chunks(buf).filter((c) => c.type === 'IDAT').map((c) => c.data)));
  const stride = info.width * channels;
  const pixels = Buffer.alloc(stride * info.height);
  for (let y = 0; y < info.height; y++) {
    const filter = raw[y * (stride + 1)];
    const src = y * (stride + 1) + 1;
    const row = y * stride;
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? pixels[row + x - channels] : 0;
      const b = y > 0 ? pixels[row - stride + x] : 0;
      const c = x >= channels && y > 0 ? pixels[row - stride + x - channels] : 0;
      const predictor = [0, a, b, (a + b) >> 1, paeth(a, b, c)][filter];
      if (predictor === undefined) throw new Error(`bad PNG filter ${filter} on row ${y}`);
      pixels[row + x] = (raw[src + x] + predictor) & 0xff;
    }
  }
  return { width: info.width, height: info.height, channels, pixels };
}

/**
 * The share (0…1) of pixels that differ between two PNG files by more than `tolerance` in any
 * colour channel; 1 when their sizes differ.
 */
export function pngDifference(a, b, tolerance = 8) {
  const x = decodePng(a);
  const y = decodePng(b);
  if (x.width !== y.width || x.height !== y.height) return 1;
  let differ = 0;
  for (let i = 0; i < x.width * x.height; i++) {
    for (let ch = 0; ch < 3; ch++) {
      if (Math.abs(x.pixels[i * x.channels + ch] - y.pixels[i * y.channels + ch]) > tolerance) {
        differ++;
        break;
      }
    }
  }
  return differ / (x.width * x.height);
}
