import * as assert from 'node:assert/strict';
import { checkKey, keyKind } from '../../../src/auth/keyKind';
import { PERSONAL_KEY, PROJECT_KEY, SECRET_KEY } from './helpers/fixtures';

describe('auth keyKind', () => {
  it('classifies by prefix', () => {
    assert.equal(keyKind(PERSONAL_KEY), 'personal');
    assert.equal(keyKind(PROJECT_KEY), 'project');
    assert.equal(keyKind(SECRET_KEY), 'projectSecret');
    assert.equal(keyKind('sk_live_abc'), 'unknown');
    assert.equal(keyKind(`  ${PERSONAL_KEY}\n`), 'personal');
  });

  it('accepts a clean personal key without a message', () => {
    assert.deepEqual(checkKey(PERSONAL_KEY, 'personal'), { ok: true, kind: 'personal', cleaned: PERSONAL_KEY });
  });

  it('fixes surrounding whitespace, quotes and a pasted "Bearer " prefix, and says so', () => {
    for (const raw of [` ${PERSONAL_KEY}\n`, `"${PERSONAL_KEY}"`, `Bearer ${PERSONAL_KEY}`, `'${PERSONAL_KEY}'`]) {
      const r = checkKey(raw, 'personal');
      assert.equal(r.ok, true, raw);
      assert.equal(r.cleaned, PERSONAL_KEY);
      assert.match(r.message ?? '', /^Fixed the pasted key: /);
    }
  });

  it('refuses keys with inner whitespace, stray quotes, too short or foreign characters', () => {
    const half = PERSONAL_KEY.slice(0, 20);
    const cases: [string, RegExp][] = [
      [`${half} ${PERSONAL_KEY.slice(20)}`, /spaces or line breaks/],
      [`${PERSONAL_KEY}"`, /quote/],
      ['phx_abc', /too short \(7 characters\)/],
      [`${PERSONAL_KEY}…`, /characters PostHog keys never have/],
    ];
    for (const [raw, re] of cases) {
      const r = checkKey(raw, 'personal');
      assert.equal(r.ok, false, raw);
      assert.match(r.message ?? '', re);
      assert.ok(!(r.message ?? '').includes(PERSONAL_KEY.slice(4)), 'messages never contain the key');
    }
  });

  it('explains the wrong kind in both directions', () => {
    const asPersonal = checkKey(PROJECT_KEY, 'personal', 'https://eu.posthog.com');
    assert.equal(asPersonal.ok, false);
    assert.match(asPersonal.message!, /project API key \(phc_…\).*https:\/\/eu\.posthog\.com\/settings\/user-api-keys/);
    assert.match(checkKey(SECRET_KEY, 'personal').message!, /project secret key/);
    assert.match(checkKey('x'.repeat(40), 'personal').message!, /start with phx_/);
    const asProject = checkKey(PERSONAL_KEY, 'project');
    assert.equal(asProject.ok, false);
    assert.match(asProject.message!, /personal API key \(phx_…\).*must not be used for capture/);
    assert.equal(checkKey(PROJECT_KEY, 'project').ok, true);
  });
});
