import * as assert from 'node:assert/strict';
import { editDistance, hostNameOf, isPostHogHost, likelyTypoOf, regionOf } from '../../../src/codeIntel/checks';

describe('codeIntel checks', () => {
  it('measures edit distance, stopping past the bound', () => {
    assert.equal(editDistance('kitten', 'sitting'), 3);
    assert.equal(editDistance('', 'abc'), 3);
    assert.equal(editDistance('same', 'same'), 0);
    assert.equal(editDistance('abcdef', 'uvwxyz', 2), 3);
  });

  it('suggests the one nearest known event, never a known name, a tie or a far one', () => {
    const known = ['$pageview', 'signed_up', 'purchase_completed', 'signup', 'Clicked Button'];
    assert.equal(likelyTypoOf('$pagview', known), '$pageview');
    assert.equal(likelyTypoOf('purchase_complted', known), 'purchase_completed');
    assert.equal(likelyTypoOf('clicked button', known), 'Clicked Button');
    assert.equal(likelyTypoOf('signed_up', known), undefined);
    assert.equal(likelyTypoOf('checkout_started', known), undefined);
    assert.equal(likelyTypoOf('abc', ['abd']), undefined, 'too short to guess');
    assert.equal(likelyTypoOf('signe', ['signed', 'signer']), undefined, 'a tie');
  });

  it('tells PostHog hosts from others, and their region', () => {
    assert.equal(hostNameOf('https://eu.i.posthog.com/'), 'eu.i.posthog.com');
    assert.equal(hostNameOf('proxy.example.com:8443/x'), 'proxy.example.com');
    assert.ok(isPostHogHost('https://us.i.posthog.com'));
    assert.ok(isPostHogHost('http://localhost:8010'));
    assert.ok(!isPostHogHost('https://analytics.example.com'));
    assert.ok(!isPostHogHost('https://posthog.com.evil.io'));
    assert.equal(regionOf('https://eu.i.posthog.com'), 'eu');
    assert.equal(regionOf('https://us.posthog.com'), 'us');
    assert.equal(regionOf('https://example.com'), undefined);
  });
});
