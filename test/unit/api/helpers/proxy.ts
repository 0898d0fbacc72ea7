/**
 * A tiny HTTP proxy for tests: CONNECT tunnels and absolute-URI forwarding. Every target host
 * name is mapped to 127.0.0.1 (so `posthog.test:<port>` reaches a loopback test server), which
 * also proves a request went through the proxy: the client alone could not resolve the name.
 */
import * as http from 'node:http';
import * as net from 'node:net';
import type { AddressInfo } from 'node:net';

export interface ProxyHit {
  kind: 'connect' | 'forward';
  target: string;
  proxyAuthorization: string | undefined;
}

export class TestProxy {
  readonly hits: ProxyHit[] = [];
  /** When set, every request is answered 407. */
  requireAuth: string | undefined;
  private readonly sockets = new Set<net.Socket>();
  private constructor(private readonly server: http.Server) {}

  static async start(): Promise<TestProxy> {
    const server = http.createServer();
    const p = new TestProxy(server);
    server.on('connection', (s) => {
      p.sockets.add(s);
      s.on('close', () => p.sockets.delete(s));
    });
    server.on('connect', (req, client: net.Socket, head) => p.onConnect(req, client, head));
    server.on('request', (req, res) => p.onForward(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return p;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  private denied(auth: string | undefined): boolean {
    return this.requireAuth !== undefined && auth !== this.requireAuth;
  }

  private onConnect(req: http.IncomingMessage, client: net.Socket, head: Buffer): void {
    const auth = req.headers['proxy-authorization'];
    this.hits.push({ kind: 'connect', target: req.url ?? '', proxyAuthorization: auth });
    if (this.denied(auth)) {
      client.end('HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    const port = Number((req.url ?? '').split(':').pop());
    const upstream = net.connect(port, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    this.sockets.add(upstream);
    upstream.on('close', () => this.sockets.delete(upstream));
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  }

  private onForward(req: http.IncomingMessage, res: http.ServerResponse): void {
    const auth = req.headers['proxy-authorization'];
    this.hits.push({ kind: 'forward', target: req.url ?? '', proxyAuthorization: auth });
    if (this.denied(auth)) {
      res.writeHead(407, { 'proxy-authenticate': 'Basic' }).end();
      return;
    }
    const target = new URL(req.url ?? '');
    const headers = { ...req.headers };
    delete headers['proxy-authorization'];
    const up = http.request({ host: '127.0.0.1', port: target.port, path: target.pathname + target.search, method: req.method, headers }, (ur) => {
      res.writeHead(ur.statusCode ?? 502, ur.headers);
      ur.pipe(res);
    });
    up.on('error', () => res.destroy());
    req.pipe(up);
  }

  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
