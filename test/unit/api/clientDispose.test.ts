import * as assert from 'node:assert/strict';
import { AbortError } from '../../../src/api/errors';
import { json, TestServer } from './helpers/server';
import { makeClient, rejection } from './helpers/fixtures';
import { waitFor } from '../../support/waitFor';

describe('api client: dispose() retires the key (issue #13 item 4)', () => {
  let server: TestServer;
  afterEach(async () => {
    await server.close();
  });

  it('aborts a request in flight, even without a caller signal, and refuses every later one unsent', async () => {
    let release: (() => void) | undefined;
    server = await TestServer.start((_r, res) => {
      release = () => json(res, 200, { id: 1 });
    });
    const { api } = makeClient(server.url);
    const inFlight = rejection(api.users.me());
    await waitFor(() => server.requests.length === 1, 2000, 'the request to arrive');
    const disposed = api.dispose();
    const err = await inFlight;
    assert.ok(err instanceof AbortError, String(err));
    release?.();
    await disposed;
    assert.equal(api.disposed, true);
    const later = await rejection(api.flags.get(1, 1));
    assert.ok(later instanceof AbortError && later.beforeSend, String(later));
    const pages = await rejection(api.eventDefinitions.list(1).toArray({ max: 10 }));
    assert.ok(pages instanceof AbortError, String(pages));
    assert.equal(server.requests.length, 1, 'nothing was sent after dispose()');
  });
});
