// Where a flag's variant is compared: the string after `===` / `==` / `!=` following the flag call on its line.
import assert from 'node:assert/strict';
import { variantSlotAt } from '../../../src/codeIntel/variantContext';

/** `|` marks the cursor; the call ends at the first `)`. */
function at(src: string) {
  const offset = src.indexOf('|');
  const text = src.slice(0, offset) + src.slice(offset + 1);
  const slot = variantSlotAt(text, text.indexOf(')') + 1, offset);
  return slot && text.slice(slot.contentStart, slot.contentEnd);
}

describe('codeIntel variant comparison slot', () => {
  it('finds the compared string in JS/TS and Python comparisons', () => {
    assert.equal(at("posthog.getFeatureFlag('exp') === '|'"), '');
    assert.equal(at("useFeatureFlagVariantKey('exp') == \"te|s\""), 'tes');
    assert.equal(at("posthog.getFeatureFlag('exp') !== 'con|trol') {"), 'control');
    assert.equal(at("if posthog.get_feature_flag('exp', uid) == 'te|':"), 'te');
    assert.equal(at("x = getFeatureFlag('exp') != '|"), '');
  });

  it('finds nothing outside a compared string', () => {
    assert.equal(at("posthog.getFeatureFlag('e|xp') === ''"), undefined);
    assert.equal(at("posthog.getFeatureFlag('exp') === ''|"), undefined);
    assert.equal(at("posthog.getFeatureFlag('exp') && '|'"), undefined);
    assert.equal(at("posthog.getFeatureFlag('exp') = '|'"), undefined);
    assert.equal(at("posthog.getFeatureFlag('exp')\n=== '|'"), undefined);
  });
});
