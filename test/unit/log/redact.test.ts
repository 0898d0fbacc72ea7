import * as assert from 'node:assert/strict';
import { keyHint, redact } from '../../../src/api/redact';

const personal = 'phx_' + 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8s9T0uvwx';
const project = 'phc_' + 'Z9y8X7w6V5u4T3s2R1q0P9o8N7m6L5k4J3i2H1g0fedc';

describe('redact', () => {
  it('removes personal, project and secret keys wherever they appear', () => {
    const text = `key=${personal} token "${project}" secret phs_abcdefghijklmnop url?personal_api_key=${personal}&x=1`;
    const out = redact(text);
    assert.ok(!out.includes(personal.slice(4)), out);
    assert.ok(!out.includes(project.slice(4)), out);
    assert.ok(!out.includes('abcdefghijklmnop'), out);
    assert.match(out, /phx_…/);
    assert.match(out, /phc_…/);
  });

  it('removes Authorization header values and bearer tokens of any shape', () => {
    assert.equal(redact('Authorization: Bearer sometoken123'), 'Authorization: <redacted>');
    assert.equal(redact('{"authorization":"Bearer xyz"}'), '{"authorization":"<redacted>"}');
    assert.equal(redact('sent Bearer abc.def'), 'sent Bearer <redacted>');
  });

  it('leaves ordinary text alone', () => {
    const text = 'SELECT event, count() FROM events WHERE properties.$browser = \'Chrome\'';
    assert.equal(redact(text), text);
  });

  it('hints at a key without revealing it', () => {
    assert.equal(keyHint(personal), `phx_…${personal.slice(-4)}`);
    assert.equal(keyHint('phx_short'), 'phx_…');
  });
});
