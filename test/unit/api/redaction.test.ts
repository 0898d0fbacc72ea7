import * as v from 'valibot';
import * as assert from 'node:assert/strict';
import { PostHogClient } from '../../../src/api/client';
import { drfError, json, text, TestServer } from './helpers/server';
import { CapturingLogger, errorTexts, InstantClock, PERSONAL_KEY, rejection } from './helpers/fixtures';
import { inspect } from 'node:util';
import { Paginator } from '../../../src/api/paginate';

/** A key with no ph?_ prefix: only the client's own scrubbing can hide it. */
const ODD_KEY = 'k3yWithoutAPrefixButSecret0123456789abcdef';

describe('api redaction: keys never reach logs or error text', () => {
  let server: TestServer;
  let other: TestServer;
  beforeEach(async () => {
    other = await TestServer.start();
    server = await TestServer.start((req, res, body) => {
      const echo = `${req.headers.authorization} ${body}`;
      const u = req.url!;
      if (u.includes('/e401')) return json(res, 401, drfError('authentication_error', 'authentication_failed', `bad ${echo}`));
      if (u.includes('/e403')) return json(res, 403, drfError('authentication_error', 'permission_denied', `API key missing required scope 'query:read' ${echo}`));
      if (u.includes('/e400')) return json(res, 400, drfError('validation_error', 'invalid_input', `bad ${echo}`, 'query'));
      if (u.includes('/e500')) return json(res, 500, `server blew up ${echo}`);
      if (u.includes('/html')) return text(res, 200, `<html><title>${echo}</title></html>`, 'text/html');
      if (u.includes('/trunc')) return json(res, 200, `{"x": "${echo}`);
      if (u.includes('/reset')) return void req.socket.destroy();
      if (u.includes('/list')) return json(res, 200, { next: `${other.url}/api/list/?personal_api_key=${req.headers.authorization?.slice(7)}`, results: [1] });
      return json(res, 200, {});
    });
  });
  afterEach(async () => {
    await server.close();
    await other.close();
  });

  for (const key of [PERSONAL_KEY, ODD_KEY]) {
    it(`${key === ODD_KEY ? 'an unprefixed key' : 'a phx_ key'}: every failure, log line and inspect() output is clean`, async () => {
      const log = new CapturingLogger();
      const api = new PostHogClient({ host: server.url, personalApiKey: key, version: '1', logger: log, clock: new InstantClock(), limiter: false });
      const errors: unknown[] = [];
      for (const p of ['/e401', '/e403', '/e400', '/e500', '/html', '/trunc', '/reset']) {
        errors.push(await rejection(api.request({ method: 'GET', path: `/api${p}/`, query: { personal_api_key: key } })));
        errors.push(await rejection(api.request({ method: 'POST', path: `/api${p}/`, body: { personal_api_key: key } })));
      }
      const listed = await new Paginator<number>(api.transport, { path: '/api/list/', item: { resource: 'number', schema: v.number() }, style: 'drf' }).toArray();
      assert.deepEqual(listed, [1]);
      errors.push(await rejection(api.request({ method: 'GET', path: `${other.url}/api/x/?personal_api_key=${key}` })));
      assert.equal(other.requests.length, 0);
      assert.ok(log.lines.length >= 15, `logged ${log.lines.length} lines`);
      assert.ok(log.warnings.some((w) => w.includes('next-page link')));
      const everything = [log.text, ...errors.map(errorTexts), inspect(api, { depth: 8, showHidden: true })].join('\n');
      assert.ok(!everything.includes(key), 'full key found');
      assert.ok(!everything.includes(key.slice(4, 24)), 'key body found');
      for (const e of errors) assert.ok(e instanceof Error && (e as { userMessage?: string }).userMessage, String(e));
    });
  }
});
