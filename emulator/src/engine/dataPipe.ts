/**
 * Streamed results leave the engine child on their own pipe (fd 4), not on the IPC channel: the
 * channel's messages are read in order, so an engine that had finished waited behind megabytes of
 * rows still to be read before the main process learned it (issue #15: a big result's first byte
 * waits for the engine to finish). On the pipe each frame is `id` (u32 BE), `length` (u32 BE) and
 * that many bytes of JSONCompactEachRow lines (whole lines, at most FRAME_BYTES unless one line
 * is longer); the IPC channel says how many frames a query wrote when it ends.
 */

/** Bytes of rows per frame: small enough that the main process converts one frame per turn. */
export const FRAME_BYTES = 256 * 1024;

const HEADER = 8;

/** Cuts `bytes` (whole lines) into frames of about FRAME_BYTES, each after a newline. */
export function frames(id: number, bytes: Buffer): Buffer[] {
  const out: Buffer[] = [];
  for (let pos = 0; pos < bytes.length; ) {
    let end = bytes.length;
    if (end - pos > FRAME_BYTES) {
      const nl = bytes.indexOf(10, pos + FRAME_BYTES);
      end = nl < 0 ? bytes.length : nl + 1;
    }
    const head = Buffer.allocUnsafe(HEADER);
    head.writeUInt32BE(id, 0);
    head.writeUInt32BE(end - pos, 4);
    out.push(head, bytes.subarray(pos, end));
    pos = end;
  }
  return out;
}

/** Reassembles frames from the pipe's reads, in order. */
export class FrameReader {
  private pieces: Buffer[] = [];
  private size = 0;

  constructor(private readonly onFrame: (id: number, payload: Buffer) => void) {}

  push(data: Buffer): void {
    this.pieces.push(data);
    this.size += data.length;
    while (this.size >= HEADER) {
      const head = this.take(HEADER, false);
      const length = head.readUInt32BE(4);
      if (this.size < HEADER + length) return;
      this.take(HEADER, true);
      this.onFrame(head.readUInt32BE(0), this.take(length, true));
    }
  }

  /** The first `n` buffered bytes, removed from the buffer when `consume`. */
  private take(n: number, consume: boolean): Buffer {
    if (this.pieces[0].length < n) this.pieces = [Buffer.concat(this.pieces, this.size)];
    const first = this.pieces[0];
    const out = first.subarray(0, n);
    if (consume) {
      this.size -= n;
      if (first.length === n) this.pieces.shift();
      else this.pieces[0] = first.subarray(n);
    }
    return out;
  }
}
