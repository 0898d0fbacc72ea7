// The panel's incoming messages, in the order the host posted them. Big row messages come with
// their rows deflated (`rowsDeflated`, src/webview/wireDeflate.ts says why): they are inflated
// natively (DecompressionStream, off the script's thread) into the `rowsUtf8` the protocol parses
// (or, `deflatedFrom` columns, its `rowsColumns`),
// and whatever comes after one waits for it. While nothing is being inflated a message is delivered
// at once, in the same task as its event.

/** Raw DEFLATE bytes → the bytes they hold. */
export async function inflateRaw(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array> {
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

interface Incoming {
  data: unknown;
  receivedAt: number;
}

export class Inbox {
  private readonly queue: Incoming[] = [];
  private draining = false;

  constructor(
    /** Gets each message, inflated, in order (`receivedAt`: when its event came, performance.now()). */
    private readonly deliver: (data: unknown, receivedAt: number) => void,
    private readonly inflate: (bytes: Uint8Array<ArrayBuffer>) => Promise<Uint8Array> = inflateRaw,
    /** What a throwing `deliver` threw (default: thrown again in a task of its own, as from an event listener). */
    private readonly report: (error: unknown) => void = (error) =>
      setTimeout(() => {
        throw error;
      }),
  ) {}

  push(data: unknown, receivedAt: number): void {
    this.queue.push({ data, receivedAt });
    if (!this.draining) void this.drain();
  }

  private async drain(): Promise<void> {
    this.draining = true;
    try {
      for (let m = this.queue.shift(); m; m = this.queue.shift()) {
        const data = deflated(m.data) ? await this.inflated(m.data) : m.data;
        if (data !== undefined) this.tryDeliver(data, m.receivedAt);
      }
    } finally {
      this.draining = false;
    }
  }

  /** Delivers one message; one that throws does not hold up the ones after it. */
  private tryDeliver(data: unknown, receivedAt: number): void {
    try {
      this.deliver(data, receivedAt);
    } catch (e) {
      this.report(e);
    }
  }

  /** The message with its rows inflated; `undefined` (dropped, as a malformed message is) when they do not inflate. */
  private async inflated(data: Record<string, unknown> & { rowsDeflated: Uint8Array<ArrayBuffer> }): Promise<unknown> {
    const { rowsDeflated, deflatedFrom, ...rest } = data;
    try {
      return { ...rest, [deflatedFrom === 'rowsColumns' ? 'rowsColumns' : 'rowsUtf8']: await this.inflate(rowsDeflated) };
    } catch {
      return undefined;
    }
  }
}

function deflated(data: unknown): data is Record<string, unknown> & { rowsDeflated: Uint8Array<ArrayBuffer> } {
  return typeof data === 'object' && data !== null && (data as { rowsDeflated?: unknown }).rowsDeflated instanceof Uint8Array;
}
