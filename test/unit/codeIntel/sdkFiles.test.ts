// The pure parts of the workspace-wide search (src/codeIntel/sdkFiles.ts, issue #19): the exclude
// glob with search.exclude merged in, ripgrep's command lines in batches, and the raw-bytes test
// that must answer exactly as the text test on the decoded file. ripgrep's own answer on real files
// is checked against the text test too (a superset), with the machine's `rg` when present.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mayHaveSdkCalls } from '../../../src/codeIntel/gate';
import { excludeGlob, mayHaveSdkBytes, pathBatches, ripgrepArgs } from '../../../src/codeIntel/sdkFiles';
import { randomDocument } from '../../support/sdkCorpus';

describe('codeIntel workspace files', () => {
  it('leaves out dependency folders and the enabled search.exclude globs, as files and as folders', () => {
    assert.equal(excludeGlob({}), '{**/node_modules/**,**/.git/**,**/dist/**,**/out/**,**/build/**,**/vendor/**,**/.venv/**,**/venv/**,**/__pycache__/**}');
    const glob = excludeGlob({ '**/gen': true, 'fixtures/': true, '**/*.snap': true, off: false, '**/*.{a,b}': true, cond: { when: '$(basename).ts' } });
    assert.ok(glob.endsWith(',**/gen,**/gen/**,fixtures/,fixtures/**,**/*.snap,**/*.snap/**}'), glob);
    assert.doesNotMatch(glob.slice(1, -1), /[{}]/, 'one level of braces: ripgrep (under findFiles) rejects nested alternates');
  });

  it('cuts long path lists into command lines under the limit, keeping every path once, in order', () => {
    const paths = Array.from({ length: 5_000 }, (_, i) => `/repo/some/where/deep/file-${i}.ts`);
    const batches = pathBatches(paths, 10_000);
    assert.ok(batches.length > 1);
    for (const b of batches) assert.ok(b.join(' ').length <= 10_000);
    assert.deepEqual(batches.flat(), paths);
    assert.deepEqual(pathBatches([]), []);
    assert.deepEqual(ripgrepArgs(['/a', '-b']).slice(-3), ['--', '/a', '-b'], 'paths after --, so none reads as an option');
  });

  it('answers on raw bytes exactly as on the decoded text', () => {
    const texts = ['', 'import posthog', 'PostHog.init()', 'const x = hogQL`1`', 'pöstHog', 'post hog', 'é😀 posthog', 'ﬀ HOGQL', 'ＰｏｓｔＨｏｇ', 'poſthog', 'no sdk here'];
    for (let seed = 1; seed <= 300; seed++) texts.push(randomDocument(seed, 20));
    for (const t of texts) assert.equal(mayHaveSdkBytes(Buffer.from(t, 'utf8')), mayHaveSdkCalls(t), JSON.stringify(t.slice(0, 80)));
    const inside = Buffer.from('xx posthog xx', 'utf8');
    assert.equal(mayHaveSdkBytes(inside.subarray(0, 5)), false, 'a view of part of a buffer reads only that part');
    assert.equal(mayHaveSdkBytes(inside.subarray(3, 10)), true);
  });

  it('ripgrep with these arguments lists every file the text test accepts', function () {
    if (!existsSync('/usr/bin/rg')) this.skip();
    const dir = mkdtempSync(join(tmpdir(), 'hogql-rg-'));
    try {
      const texts = ['import posthog', 'x = 1', 'PostHog', 'HogQL\0binary', 'hogql', 'plain', 'é posthog', '\ufeffposthog'];
      for (let seed = 1; seed <= 60; seed++) texts.push(randomDocument(seed, 12));
      const paths = texts.map((t, i) => {
        const p = join(dir, `f${i}.ts`);
        writeFileSync(p, t);
        return p;
      });
      let listed: string[] = [];
      try {
        listed = execFileSync('/usr/bin/rg', ripgrepArgs(paths), { encoding: 'utf8' }).split('\n').filter(Boolean);
      } catch (e) {
        if ((e as { status?: number }).status !== 1) throw e;
      }
      const missed = paths.filter((p, i) => mayHaveSdkCalls(texts[i]!) && !listed.includes(p));
      assert.deepEqual(missed, []);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
