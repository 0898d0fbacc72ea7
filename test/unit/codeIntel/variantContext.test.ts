// Where a flag's variant is compared: the string after `===` / `==` / `!=` following the flag call on its line.
import assert from 'node:assert/strict';
import { switchCaseSlotAt, variantSlotAt, variantSlotBefore } from '../../../src/codeIntel/variantContext';

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
    assert.equal(at("posthog.getFeatureFlag('exp');\nx === '|'"), undefined);
  });

  it('finds the compared string when the comparison is split over lines or the call is awaited in parentheses', () => {
    assert.equal(at("posthog.getFeatureFlag('exp')\n=== '|'"), '');
    assert.equal(at("posthog.getFeatureFlag('exp') ===\n    'te|st'"), 'test');
    assert.equal(at("if (posthog.get_feature_flag('exp', uid)\n        == 'con|'):"), 'con');
    assert.equal(at("if ((await client.getFeatureFlag('exp', id)) === 'te|') {"), 'te');
  });
});

describe('codeIntel variant comparison slot before the call', () => {
  /** `|` marks the cursor; the call's name is the last `get…`/`use…` name. */
  function before(src: string) {
    const offset = src.indexOf('|');
    const text = src.slice(0, offset) + src.slice(offset + 1);
    const nameStart = Math.max(text.lastIndexOf('getFeatureFlag'), text.lastIndexOf('useFeatureFlagVariantKey'), text.lastIndexOf('get_feature_flag'));
    const slot = variantSlotBefore(text, nameStart, offset);
    return slot && text.slice(slot.contentStart, slot.contentEnd);
  }

  it('finds a reversed comparison, with or without a receiver, on one line or split', () => {
    assert.equal(before("if ('te|st' === useFeatureFlagVariantKey('exp')) {"), 'test');
    assert.equal(before("if \"|\" == posthog.get_feature_flag('exp', uid):"), '');
    assert.equal(before("const on = 'con|trol' !==\n  posthog?.getFeatureFlag('exp')"), 'control');
    assert.equal(before("if ('te|' === (await client.getFeatureFlag('exp', id))) {"), 'te');
  });

  it('finds nothing outside the literal or without a comparison', () => {
    assert.equal(before("if ('test'| === useFeatureFlagVariantKey('exp')) {"), undefined);
    assert.equal(before("f('te|st', useFeatureFlagVariantKey('exp'))"), undefined);
    assert.equal(before("const x = 'te|st' === other(); posthog.getFeatureFlag('exp')"), undefined);
    assert.equal(before("x = '|' = posthog.getFeatureFlag('exp')"), undefined);
  });
});

describe('codeIntel variant switch case slot', () => {
  function sw(src: string) {
    const offset = src.indexOf('|');
    const text = src.slice(0, offset) + src.slice(offset + 1);
    const nameStart = text.indexOf('getFeatureFlag');
    const slot = switchCaseSlotAt(text, nameStart, text.indexOf(')', nameStart) + 1, offset);
    return slot && text.slice(slot.contentStart, slot.contentEnd);
  }

  it('finds a case string of a switch on the flag call', () => {
    assert.equal(sw("switch (posthog.getFeatureFlag('exp')) {\n  case '|':\n}"), '');
    assert.equal(sw("switch (posthog.getFeatureFlag('exp')) {\n  case 'control': break\n  case \"te|st\": {}\n}"), 'test');
  });

  it('finds nothing outside the switch, in nested blocks or without a switch', () => {
    assert.equal(sw("switch (posthog.getFeatureFlag('exp')) {\n  case 'a': {\n    case '|'\n  }\n}"), undefined);
    assert.equal(sw("switch (posthog.getFeatureFlag('exp')) {\n}\ncase '|'"), undefined);
    assert.equal(sw("if (posthog.getFeatureFlag('exp')) {\n  case '|'\n}"), undefined);
    assert.equal(sw("switch (posthog.getFeatureFlag('exp')) {\n  x = '|'\n}"), undefined);
  });
});
