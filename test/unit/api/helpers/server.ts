/** A real loopback HTTP server for client tests (node:http on 127.0.0.1, port 0). */
import * as http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface Recorded {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export type Handler = (req: http.IncomingMessage, res: http.ServerResponse, body: string, n: number) => void | Promise<void>;

export class TestServer {
  readonly requests: Recorded[] = [];
  /** Requests whose connection closed before the response was finished. */
  aborted = 0;
  handler: Handler = (_req, res) => json(res, 200, {});
  private readonly sockets = new Set<Socket>();
  private constructor(private readonly server: http.Server) {}

  static async start(handler?: Handler): Promise<TestServer> {
    const server = http.createServer();
    const ts = new TestServer(server);
    if (handler) ts.handler = handler;
    server.on('connection', (s) => {
      ts.sockets.add(s);
      s.on('close', () => ts.sockets.delete(s));
    });
    server.on('request', (req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        ts.requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
        res.on('close', () => {
          if (!res.writableFinished) ts.aborted++;
        });
        Promise.resolve(ts.handler(req, res, body, ts.requests.length)).catch((err: unknown) => {
          if (!res.headersSent) json(res, 599, { detail: String(err) });
        });
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return ts;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }
  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }
  get openConnections(): number {
    return this.sockets.size;
  }

  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

export function json(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

/**
 * Has `server` answer with `body` (JSON, 200) written at once, chunked; gives whether all of it
 * was handed to the socket (a reader's backpressure tests wait on it).
 */
export function serveAtOnce(server: TestServer, body: string): () => boolean {
  let sent = false;
  server.handler = (_r, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.write(body, () => (sent = true));
    res.end();
  };
  return () => sent;
}

export function text(res: http.ServerResponse, status: number, body: string, contentType = 'text/plain'): void {
  res.writeHead(status, { 'content-type': contentType, 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

/** DRF error body as PostHog sends it. */
export function drfError(type: string, code: string, detail: string, attr: string | null = null): Record<string, unknown> {
  return { type, code, detail, attr };
}
