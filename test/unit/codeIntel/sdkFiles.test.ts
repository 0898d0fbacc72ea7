// The pure parts of the workspace-wide search (src/codeIntel/sdkFiles.ts, issue #19): the exclude
// glob with search.exclude merged in, ripgrep's command line, and the raw-bytes test
// that must answer exactly as the text test on the decoded file. ripgrep's own answer on real files
// is checked against the text test too (a superset), with the machine's `rg` when present.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mayHaveSdkCalls } from '../../../src/codeIntel/gate';
import { excludeGlob, lineReader, mayHaveSdkBytes, ripgrepArgs } from '../../../src/codeIntel/sdkFiles';
import { randomDocument } from '../../support/sdkCorpus';

describe('codeIntel workspace files', () => {
  it('leaves out dependency folders and the enabled search.exclude globs, as files and as folders', () => {
    assert.equal(excludeGlob({}), '{**/node_modules/**,**/.git/**,**/dist/**,**/out/**,**/build/**,**/vendor/**,**/.venv/**,**/venv/**,**/__pycache__/**}');
    const glob = excludeGlob({ '**/gen': true, 'fixtures/': true, '**/*.snap': true, off: false, '**/*.{a,b}': true, cond: { when: '$(basename).ts' } });
    assert.ok(glob.endsWith(',**/gen,**/gen/**,fixtures/,fixtures/**,**/*.snap,**/*.snap/**}'), glob);
    assert.doesNotMatch(glob.slice(1, -1), /[{}]/, 'one level of braces: ripgrep (under findFiles) rejects nested alternates');
  });

  it('answers on raw bytes exactly as on the decoded text', () => {
    const texts = ['', 'import posthog', 'PostHog.init()', 'const x = hogQL`1`', 'pöstHog', 'post hog', 'é😀 posthog', 'ﬀ HOGQL', 'ＰｏｓｔＨｏｇ', 'poſthog', 'no sdk here'];
    for (let seed = 1; seed <= 300; seed++) texts.push(randomDocument(seed, 20));
    for (const t of texts) assert.equal(mayHaveSdkBytes(Buffer.from(t, 'utf8')), mayHaveSdkCalls(t), JSON.stringify(t.slice(0, 80)));
    const inside = Buffer.from('xx posthog xx', 'utf8');
    assert.equal(mayHaveSdkBytes(inside.subarray(0, 5)), false, 'a view of part of a buffer reads only that part');
    assert.equal(mayHaveSdkBytes(inside.subarray(3, 10)), true);
  });

  it('ripgrep with these arguments lists every SDK-language file the text test accepts, and none in dependency folders', function () {
    if (!existsSync('/usr/bin/rg')) this.skip();
    const dir = mkdtempSync(join(tmpdir(), 'hogql-rg-'));
    try {
      const texts = ['import posthog', 'x = 1', 'PostHog', 'HogQL\0binary', 'hogql', 'plain', 'é posthog', '\ufeffposthog'];
      for (let seed = 1; seed <= 60; seed++) texts.push(randomDocument(seed, 12));
      const exts = ['ts', 'tsx', 'mjs', 'py', 'go', 'rb'];
      const write = (path: string, text: string): string => {
        mkdirSync(join(dir, path, '..'), { recursive: true });
        writeFileSync(join(dir, path), text);
        return join(dir, path);
      };
      const paths = texts.map((t, i) => write(`${i % 2 ? 'src/' : '.hidden/'}f${i}.${exts[i % exts.length]}`, t));
      write('node_modules/posthog-js/index.js', 'posthog');
      write('src/dist/bundle.js', 'posthog');
      write('src/notes.md', 'posthog');
      let listed: string[] = [];
      try {
        listed = execFileSync('/usr/bin/rg', ripgrepArgs([dir]), { encoding: 'utf8' }).split('\n').filter(Boolean);
      } catch (e) {
        if ((e as { status?: number }).status !== 1) throw e;
      }
      assert.deepEqual(paths.filter((p, i) => mayHaveSdkCalls(texts[i]!) && !listed.includes(p)), [], 'missed');
      assert.deepEqual(listed.filter((p) => !paths.includes(p)), [], 'listed from a dependency folder or another language');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('codeIntel workspace search: ripgrep output read as it comes', () => {
  it('hands over each complete line once, across pieces, and the last one at the end', () => {
    const got: string[] = [];
    const r = lineReader((l) => got.push(l));
    r.push('/ws/a.ts\n/ws/de');
    assert.deepEqual(got, ['/ws/a.ts']);
    r.push('ep/b.py\n');
    r.push('\n/ws/c');
    assert.deepEqual(got, ['/ws/a.ts', '/ws/deep/b.py']);
    r.push('.rb');
    r.end();
    assert.deepEqual(got, ['/ws/a.ts', '/ws/deep/b.py', '/ws/c.rb']);
  });
});
