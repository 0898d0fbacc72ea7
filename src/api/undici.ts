/**
 * The parts of undici the client uses (Agent, ProxyAgent and the dispatcher's `request`), taken
 * from undici's own modules rather than its index. The index also loads fetch, WebSocket,
 * EventSource, the HTTP cache and the mock agent, which the client never uses: 550 KB of the API
 * bundle's 615 KB minified, against ~320 KB for these (the .vsix budget is 700 KB, issue #19).
 * What undici's index adds to the dispatcher (`request`, `stream`, …) is added here the same way.
 * undici is pinned to an exact version; test/unit/api/undici.test.ts checks that these are undici's
 * own classes and that the API bundle holds no fetch or WebSocket code. Everything else in src/
 * imports undici's values from here (types may come from 'undici').
 */
import type * as U from 'undici';
import AgentImpl from 'undici/lib/dispatcher/agent.js';
import DispatcherImpl from 'undici/lib/dispatcher/dispatcher.js';
import ProxyAgentImpl from 'undici/lib/dispatcher/proxy-agent.js';
import api from 'undici/lib/api/index.js';

Object.assign((DispatcherImpl as { prototype: object }).prototype, api);

export const Agent = AgentImpl as typeof U.Agent;
export const ProxyAgent = ProxyAgentImpl as typeof U.ProxyAgent;
export const Dispatcher = DispatcherImpl as typeof U.Dispatcher;
export type Agent = U.Agent;
export type ProxyAgent = U.ProxyAgent;
export type Dispatcher = U.Dispatcher;
