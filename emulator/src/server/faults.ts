/** Fault injection for client tests (admin API): the next `count` matching requests misbehave. */
import { validation } from './errors';

export const FAULT_MODES = ['429', '500', '502', '503', 'hang', 'reset', 'truncated_json', 'html', 'slow_body', 'hold'] as const;
export type FaultMode = (typeof FAULT_MODES)[number];

export interface Fault {
  id: number;
  mode: FaultMode;
  remaining: number;
  /** Only requests whose path starts with this. */
  path: string | null;
  method: string | null;
  retryAfter: number;
  delayMs: number;
  /** `hold`: resolves when the held answer may go (POST /_emulator/faults/release or a clear). */
  released?: Promise<void>;
}

/** A request whose answer a `hold` fault keeps back until it is released. */
export interface Held {
  method: string;
  path: string;
  query: string;
}

export class Faults {
  private list: Fault[] = [];
  private nextId = 1;
  private held: { request: Held; release: () => void }[] = [];

  add(body: Record<string, unknown>): Fault {
    const mode = String(body.mode) as FaultMode;
    if (!FAULT_MODES.includes(mode)) throw validation(`"${String(body.mode)}" is not a valid choice. Choose one of ${FAULT_MODES.join(', ')}.`, 'mode', 'invalid_choice');
    const count = body.count === undefined ? 1 : Number(body.count);
    if (!Number.isInteger(count) || count < 1) throw validation('A valid integer >= 1 is required.', 'count');
    const fault: Fault = {
      id: this.nextId++,
      mode,
      remaining: count,
      path: typeof body.path === 'string' ? body.path : null,
      method: typeof body.method === 'string' ? body.method.toUpperCase() : null,
      retryAfter: body.retryAfter === undefined ? 1 : Math.max(0, Math.floor(Number(body.retryAfter))),
      delayMs: body.delayMs === undefined ? 200 : Math.max(0, Number(body.delayMs)),
    };
    this.list.push(fault);
    return fault;
  }

  /** The fault for this request, consuming one use, or null. */
  take(method: string, path: string, query = ''): Fault | null {
    const f = this.list.find((x) => x.remaining > 0 && (x.path === null || path.startsWith(x.path)) && (x.method === null || x.method === method));
    if (!f) return null;
    f.remaining--;
    if (f.remaining === 0) this.list = this.list.filter((x) => x !== f);
    if (f.mode !== 'hold') return { ...f };
    const entry = { request: { method, path, query }, release: () => undefined as void };
    const released = new Promise<void>((resolve) => (entry.release = resolve)).then(() => {
      this.held = this.held.filter((x) => x !== entry);
    });
    this.held.push(entry);
    return { ...f, released };
  }

  /** The requests held now (they leave the list when released or cleared). */
  holding(): Held[] {
    return this.held.map((x) => ({ ...x.request }));
  }

  /** Lets every held answer go; returns how many there were. */
  release(): number {
    const n = this.held.length;
    for (const x of this.held.splice(0)) x.release();
    return n;
  }

  active(): Fault[] {
    return this.list.map((f) => ({ ...f }));
  }

  clear(): void {
    this.list = [];
    this.release();
  }
}
