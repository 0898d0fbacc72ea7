// Where a property name goes in a capture call's properties object, per language; the scanner gives the object's range.
import assert from 'node:assert/strict';
import { goSetKeyAt, propertySlotAt } from '../../../src/codeIntel/propertyContext';
import { scan } from '../../../src/codeIntel/scan/scan';
import type { SdkLanguage } from '../../../src/codeIntel/scan/types';

/** `|` marks the cursor; the key typed around it (quotes off), or undefined when no property name goes there. */
function at(src: string, lang: SdkLanguage = 'js') {
  const offset = src.indexOf('|');
  const text = src.slice(0, offset) + src.slice(offset + 1);
  const c = scan(text, lang).captures[0];
  assert.ok(c, 'a capture call');
  if (c.propsStart === undefined) return undefined;
  const slot = propertySlotAt(text, c.propsStart, c.propsEnd!, offset, lang);
  return slot && `${slot.quoted ? 'q:' : ''}${text.slice(slot.contentStart, slot.contentEnd)}`;
}

describe('codeIntel capture property slot', () => {
  it('finds bare and quoted keys in JS/TS objects, also after other properties', () => {
    assert.equal(at("posthog.capture('e', { | })"), '');
    assert.equal(at("posthog.capture('e', { pl|an: 1 })"), 'plan');
    assert.equal(at("posthog.capture('e', { a: 1, '$cur|': 2 })"), 'q:$cur');
    assert.equal(at("client.capture({ distinctId: 'u', event: 'e', properties: { | } })"), '');
  });

  it('finds quoted keys in Python and Ruby dicts', () => {
    assert.equal(at("posthog.capture('u1', 'e', properties={'|': 1})", 'python'), 'q:');
    assert.equal(at("posthog.capture('e', distinct_id='u', properties={'a': 1, \"pl|\": 2})", 'python'), 'q:pl');
    assert.equal(at("posthog.capture(distinct_id: 'u', event: 'e', properties: { 'pl|' => 1 })", 'ruby'), 'q:pl');
    assert.equal(at("posthog.capture('u1', 'e', properties={pl|: 1})", 'python'), undefined);
  });

  it('finds quoted keys in a Go posthog.Properties{…} map literal, in Enqueue or in a Capture built apart', () => {
    assert.equal(at('client.Enqueue(posthog.Capture{Event: "e", Properties: posthog.Properties{"|": 1}})', 'go'), 'q:');
    assert.equal(at('msg := posthog.Capture{Event: "e", Properties: posthog.Properties{"a": 1, "pl|": 2}}', 'go'), 'q:pl');
    assert.equal(at('msg := posthog.Capture{Event: "e", Properties: posthog.Properties{"a": "|"}}', 'go'), undefined);
    assert.equal(at('msg := posthog.Capture{Event: "e", Properties: posthog.Properties{pl|: 2}}', 'go'), undefined);
  });

  it('finds nothing in values, nested objects or outside the object', () => {
    assert.equal(at("posthog.capture('e', { a: '|' })"), undefined);
    assert.equal(at("posthog.capture('e', { a: { | } })"), undefined);
    assert.equal(at("posthog.capture('e', { a: [1, |] })"), undefined);
    assert.equal(at("posthog.capture('|', { a: 1 })"), undefined);
    assert.equal(at("posthog.capture('e', { a: 1 }, |)"), undefined);
  });
});

describe('codeIntel capture property slot: Go Set chains', () => {
  const go = (src: string) => {
    const offset = src.indexOf('|');
    const text = src.slice(0, offset) + src.slice(offset + 1);
    const c = scan(text, 'go').captures[0];
    assert.ok(c, 'a capture call');
    const slot = goSetKeyAt(text, c.nameEnd, c.end, offset);
    return slot && text.slice(slot.contentStart, slot.contentEnd);
  };

  it('finds the key of .Set("…" in the call, not its value nor elsewhere', () => {
    assert.equal(go('client.Enqueue(posthog.Capture{DistinctId: "u", Event: "e", Properties: posthog.NewProperties().Set("|", 1)})'), '');
    assert.equal(go('client.Enqueue(posthog.Capture{Event: "e", Properties: posthog.NewProperties().Set("a", 1).Set("pl|an", 2)})'), 'plan');
    assert.equal(go('client.Enqueue(posthog.Capture{Event: "e", Properties: posthog.NewProperties().Set("a", "|")})'), undefined);
    assert.equal(go('client.Enqueue(posthog.Capture{Event: "|", Properties: posthog.NewProperties()})'), undefined);
  });
});
