/** The request log behind `GET /_emulator/requests`. Keys appear only as hints (`phx_…ab12`). */

export interface LoggedRequest {
  seq: number;
  method: string;
  path: string;
  query: string;
  status: number;
  time: string;
  durationMs: number;
  keyHint: string | null;
  fault: string | null;
}

const MAX = 5000;

export class RequestLog {
  private items: LoggedRequest[] = [];
  private seq = 0;

  add(r: Omit<LoggedRequest, 'seq'>): void {
    this.items.push({ seq: ++this.seq, ...r });
    if (this.items.length > MAX) this.items.splice(0, this.items.length - MAX);
  }

  list(): LoggedRequest[] {
    return [...this.items];
  }

  clear(): void {
    this.items = [];
  }
}
