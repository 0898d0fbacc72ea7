import * as assert from 'node:assert/strict';
import { ConfigError } from '../../../src/api/errors';
import { normalizeHost } from '../../../src/api/hosts';
import { PostHogClient } from '../../../src/api/client';
import { PERSONAL_KEY } from './helpers/fixtures';

describe('api hosts: normalisation', () => {
  const cases: [string, string, string, string][] = [
    // input, region, baseUrl, ingestionUrl
    ['https://us.posthog.com', 'us', 'https://us.posthog.com', 'https://us.i.posthog.com'],
    ['us.posthog.com/', 'us', 'https://us.posthog.com', 'https://us.i.posthog.com'],
    ['https://app.posthog.com', 'us', 'https://us.posthog.com', 'https://us.i.posthog.com'],
    ['  https://US.PostHog.com/project/123/insights  ', 'us', 'https://us.posthog.com', 'https://us.i.posthog.com'],
    ['eu.posthog.com', 'eu', 'https://eu.posthog.com', 'https://eu.i.posthog.com'],
    ['https://eu.posthog.com///', 'eu', 'https://eu.posthog.com', 'https://eu.i.posthog.com'],
    ['posthog.example.com', 'self-hosted', 'https://posthog.example.com', 'https://posthog.example.com'],
    ['https://example.com/posthog/', 'self-hosted', 'https://example.com/posthog', 'https://example.com/posthog'],
    ['https://example.com/posthog/api/', 'self-hosted', 'https://example.com/posthog', 'https://example.com/posthog'],
    ['https://example.com:8443/ph?x=1#frag', 'self-hosted', 'https://example.com:8443/ph', 'https://example.com:8443/ph'],
    ['http://intranet.local:8000', 'self-hosted', 'http://intranet.local:8000', 'http://intranet.local:8000'],
    ['localhost:8000', 'self-hosted', 'http://localhost:8000', 'http://localhost:8000'],
    ['127.0.0.1:8010/', 'self-hosted', 'http://127.0.0.1:8010', 'http://127.0.0.1:8010'],
    ['https://localhost:8000', 'self-hosted', 'https://localhost:8000', 'https://localhost:8000'],
  ];
  for (const [input, region, base, ingestion] of cases) {
    it(`${JSON.stringify(input)} → ${base}`, () => {
      const h = normalizeHost(input);
      assert.equal(h.region, region);
      assert.equal(h.baseUrl, base);
      assert.equal(h.ingestionUrl, ingestion);
      assert.equal(h.origin, new URL(base).origin);
      assert.equal(h.origin + h.pathPrefix, h.baseUrl);
    });
  }

  it('rejects ingestion hosts for the private API, pointing at the app host', () => {
    assert.throws(() => normalizeHost('https://us.i.posthog.com'), (e: unknown) => e instanceof ConfigError && /ingestion host.*Use https:\/\/us\.posthog\.com/.test(e.userMessage));
    assert.throws(() => normalizeHost('eu.i.posthog.com'), (e: unknown) => e instanceof ConfigError && /Use https:\/\/eu\.posthog\.com/.test(e.userMessage));
  });

  it('rejects empty input, other schemes, spaces and credentials in the URL', () => {
    for (const bad of ['', '   ', 'ftp://x.com', 'https://exa mple.com', 'https://user:pw@example.com', 'http://']) {
      assert.throws(() => normalizeHost(bad), ConfigError, bad);
    }
  });

  it('the client exposes web URLs and the ingestion host', () => {
    const api = new PostHogClient({ host: 'app.posthog.com', personalApiKey: PERSONAL_KEY, version: '1', limiter: false });
    assert.equal(api.webUrl('/project/1/insights/abc'), 'https://us.posthog.com/project/1/insights/abc');
    assert.equal(api.webUrl('project/1'), 'https://us.posthog.com/project/1');
    assert.equal(api.ingestionUrl, 'https://us.i.posthog.com');
  });

  it('builds object web URLs under the base (incl. a self-hosted prefix), escaping segments', () => {
    const api = new PostHogClient({ host: 'https://example.com/ph/', personalApiKey: PERSONAL_KEY, version: '1', limiter: false });
    assert.equal(api.web.insight(1, 'abcd1234'), 'https://example.com/ph/project/1/insights/abcd1234');
    assert.equal(api.web.insight(1, 'abcd1234', true), 'https://example.com/ph/project/1/insights/abcd1234/edit');
    assert.equal(api.web.flag(2, 5), 'https://example.com/ph/project/2/feature_flags/5');
    assert.equal(api.web.recording(2, 'a/b c'), 'https://example.com/ph/project/2/replay/a%2Fb%20c');
    assert.equal(api.web.person(2, 'user@x.com'), 'https://example.com/ph/project/2/person/user%40x.com');
    assert.equal(api.web.propertyDefinition(2, 'u-1'), 'https://example.com/ph/project/2/data-management/properties/u-1');
    assert.equal(api.web.personalApiKeys(), 'https://example.com/ph/settings/user-api-keys');
  });
});
