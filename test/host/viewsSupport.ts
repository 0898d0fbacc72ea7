// Helpers for the sidebar host tests: read trees through the test-only `hogql.test.sidebar`
// command, queue confirmation answers, and talk to the emulator over HTTP (its admin API and
// PostHog's REST API) to check what was really sent and stored.
import * as vscode from 'vscode';
import type { RenderedItem } from '../../src/views/testHooks';
import { waitFor } from '../support/waitFor';
import { emulator } from './support';

/** A tree row as the test-only command renders it (the extension's own type). */
export type Item = RenderedItem;

export interface Children {
  items: Item[];
  /** The node instances (to pass to commands, as a click or a menu would). */
  nodes: unknown[];
}

export function children(view: string, path: string[] = []): Promise<Children> {
  return vscode.commands.executeCommand<Children>('hogql.test.sidebar', { op: 'children', view, path }) as Promise<Children>;
}

export interface ViewState {
  description: string;
  message: string;
  filter: string;
  loading: boolean;
}

export async function viewState(view: string): Promise<ViewState> {
  return (await vscode.commands.executeCommand('hogql.test.sidebar', { op: 'view', view })) as ViewState;
}

export async function answer(...answers: boolean[]): Promise<void> {
  await vscode.commands.executeCommand('hogql.test.sidebar', { op: 'answer', answers });
}

export async function asked(): Promise<{ message: string; detail: string; action: string }[]> {
  return (await vscode.commands.executeCommand('hogql.test.sidebar', { op: 'asked' })) as { message: string; detail: string; action: string }[];
}

/** A Markdown tooltip as the reader sees it (appendText escapes spaces and punctuation). */
export function plain(markdown: string): string {
  return markdown.replace(/&nbsp;/g, ' ').replace(/\\(.)/g, '$1');
}

/** The node (instance) with `id` among `c`. */
export function nodeOf(c: Children, id: string): unknown {
  const i = c.items.findIndex((x) => x.id === id);
  if (i < 0) throw new Error(`no node ${id}`);
  return c.nodes[i];
}

async function http(method: string, path: string, token: string, body?: unknown): Promise<any> {
  const res = await fetch(`${emulator().url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status}: ${text.slice(0, 300)}`);
  return text ? JSON.parse(text) : undefined;
}

/** PostHog's REST API of the emulator, with the all-access personal key. */
export const api = (path: string, method = 'GET', body?: unknown) => http(method, path, emulator().personalKey, body);
const admin = (path: string, method = 'GET', body?: unknown) => http(method, path, emulator().adminToken, body);

export interface Logged {
  method: string;
  path: string;
  query: string;
  status: number;
  keyHint: string | null;
  /** The injected fault that answered it (the log has a request once its answer ended). */
  fault: string | null;
}

export const requests = async (): Promise<Logged[]> => (await admin('/_emulator/requests')).requests as Logged[];
export const clearRequests = (): Promise<unknown> => admin('/_emulator/requests', 'DELETE');
export const addFault = (fault: Record<string, unknown>): Promise<unknown> => admin('/_emulator/faults', 'POST', fault);
export const clearFaults = (): Promise<unknown> => admin('/_emulator/faults', 'DELETE');
/** Requests whose answer a `hold` fault keeps back now, and letting them go. */
export const heldRequests = async (): Promise<{ method: string; path: string; query: string }[]> => (await admin('/_emulator/faults')).held;
export const releaseHeld = (): Promise<unknown> => admin('/_emulator/faults/release', 'POST');

/** Requests that change something (anything but GET/HEAD) to the REST API or capture. */
export async function writes(): Promise<Logged[]> {
  return (await requests()).filter((r) => r.method !== 'GET' && r.method !== 'HEAD' && !r.path.startsWith('/_emulator') && !r.path.endsWith('/query/'));
}

/** Children once `pred` holds for them (trees update asynchronously after commands). */
export async function childrenWhen(view: string, pred: (c: Children) => boolean, what: string, path: string[] = [], timeoutMs = 20_000): Promise<Children> {
  let last: Children | undefined;
  await waitFor(async () => pred((last = await children(view, path))), timeoutMs, what, 100);
  return last!;
}

export async function setSetting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('hogql').update(key, value, vscode.ConfigurationTarget.Global);
}

/** A HogQL query against the emulator (with the personal key), rows only. */
export async function hogql(projectId: number, query: string): Promise<unknown[][]> {
  const res = await api(`/api/projects/${projectId}/query/`, 'POST', { query: { kind: 'HogQLQuery', query }, refresh: 'force_blocking' });
  return res.results as unknown[][];
}
