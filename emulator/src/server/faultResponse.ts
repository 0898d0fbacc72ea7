/**
 * How each injected fault answers. `truncated_json`, `slow_body` and `hold` run the real handler and
 * mangle or hold back its response; the others replace it (the handler never runs, like a proxy failing).
 * Returns the status written (0 when the connection was reset or abandoned).
 */
import type { ServerResponse } from 'node:http';
import { ApiError, serverError, throttled } from './errors';
import type { Fault } from './faults';
import type { Reply } from './types';

export const POST_HANDLER_FAULTS = new Set(['truncated_json', 'slow_body', 'hold']);

const HTML_PAGE = '<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head>\n<body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>\n';

function gatewayError(status: number): Reply {
  const e = new ApiError(status, 'server_error', 'error', status === 503 ? 'Service temporarily unavailable.' : 'A server error occurred.');
  return { status, json: e.body() };
}

/** A reply that replaces the handler, or a special action; null for post-handler faults. */
export function preHandlerReply(f: Fault): Reply | 'hang' | 'reset' | null {
  switch (f.mode) {
    case '429': {
      const e = throttled(f.retryAfter);
      return { status: 429, json: e.body(), headers: e.headers };
    }
    case '500':
      return { status: 500, json: serverError().body() };
    case '502':
    case '503':
      return gatewayError(Number(f.mode));
    case 'html':
      return { status: 502, text: HTML_PAGE, contentType: 'text/html' };
    case 'hang':
      return 'hang';
    case 'reset':
      return 'reset';
    default:
      return null;
  }
}

export async function applyFault(f: Fault, res: ServerResponse, reply: Reply, send: (res: ServerResponse, r: Reply) => string): Promise<number> {
  const pre = preHandlerReply(f);
  if (pre === 'reset') {
    // req.socket, not res.socket: on a kept-alive connection res.socket is only attached once
    // the previous response has finished.
    (res.req?.socket ?? res.socket)?.destroy();
    return 0;
  }
  if (pre === 'hang') {
    // Never answer; the client must time out. The server's close() destroys the socket.
    await new Promise<void>((resolve) => res.on('close', () => resolve()));
    return 0;
  }
  if (pre) {
    send(res, pre);
    return pre.status;
  }
  if (f.mode === 'hold') {
    // The real answer, once the test lets it go (or nothing, when the client gave up first).
    const closed = new Promise<void>((resolve) => res.on('close', () => resolve()));
    await Promise.race([f.released, closed]);
    if (res.destroyed) return 0;
    send(res, reply);
    return reply.status;
  }
  const text = reply.text ?? JSON.stringify(reply.json ?? null);
  if (f.mode === 'truncated_json') {
    const cut = text.slice(0, Math.max(1, Math.floor(text.length / 2)));
    res.writeHead(reply.status, { ...reply.headers, 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(cut) });
    res.end(cut);
    return reply.status;
  }
  // slow_body: headers now, then the body in 8 pieces `delayMs` apart.
  res.writeHead(reply.status, { ...reply.headers, 'Content-Type': reply.contentType ?? 'application/json', 'Content-Length': Buffer.byteLength(text) });
  const buf = Buffer.from(text);
  const step = Math.max(1, Math.ceil(buf.length / 8));
  for (let i = 0; i < buf.length; i += step) {
    if (res.destroyed) return 0;
    if (i > 0) await new Promise((r) => setTimeout(r, f.delayMs));
    res.write(buf.subarray(i, i + step));
  }
  res.end();
  return reply.status;
}
