/** Request context and reply types of the HTTP layer. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApiKey, Project } from '../model/identity';

export interface Reply {
  status: number;
  /** JSON body (serialized with JSON.stringify) ... */
  json?: unknown;
  /** ... or a pre-serialized body ... */
  text?: string;
  /**
   * ... or a body written piece by piece as it is produced (chunked, no Content-Length). A failure
   * after the status line is sent ends the connection, so the client sees an incomplete body.
   */
  stream?: (write: (text: string) => Promise<void>) => Promise<void>;
  contentType?: string;
  headers?: Record<string, string>;
}

export interface Ctx {
  req: IncomingMessage;
  res: ServerResponse;
  method: string;
  /** Path without query string. */
  path: string;
  url: URL;
  query: URLSearchParams;
  params: Record<string, string>;
  /** Raw body bytes (already gunzipped when Content-Encoding: gzip). */
  rawBody: Buffer;
  key: ApiKey | null;
  project: Project | null;
  /** Parsed JSON body; throws a DRF parse error when invalid. */
  body(): Record<string, unknown>;
}

export type ThrottleClass = 'burst' | 'sustained' | 'clickhouse_burst' | 'clickhouse_sustained' | 'query';

export interface Route {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** e.g. `/api/projects/:pid/feature_flags/:id/`; the trailing slash is optional on requests. */
  pattern: string;
  /** `personal`: Bearer personal key; `admin`: Bearer admin token; `public`: none (capture). */
  auth: 'personal' | 'admin' | 'public';
  /** Required scope, e.g. `feature_flag:read` (null: none). */
  scope?: string | ((ctx: Ctx) => string | null);
  throttles?: ThrottleClass[] | ((ctx: Ctx) => ThrottleClass[]);
  handler: (ctx: Ctx) => Promise<Reply> | Reply;
}

export const json = (status: number, body: unknown, headers?: Record<string, string>): Reply => ({ status, json: body, headers });
