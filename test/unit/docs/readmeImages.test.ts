// Issue #17: the README shows screenshots taken by the UI tests. One list (README_IMAGES in
// test/support/readmeImages.mjs) ties both sides: every image the README shows is on it and every
// image on it is shown; each is committed under docs/images/, small, and taken by the UI test the
// list names (a `readmeShot(page, '<name>'` call in its source); nothing else sits in docs/images/;
// none of it enters the .vsix, and vsce can turn the relative links into GitHub URLs.
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { listFiles, PackageManager } from '@vscode/vsce';
import { README_DIR, README_IMAGES } from '../../support/readmeImages.mjs';
import { pngInfo } from '../../support/png.mjs';

const root = join(__dirname, '..', '..', '..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const MAX_BYTES = 120 * 1024;
const MAX_TOTAL = 600 * 1024;
const MAX_WIDTH = 1100;

/** Every image the README shows: Markdown `![alt](src)` and HTML `<img src="…">`. */
function shownImages(md: string): string[] {
  const md1 = [...md.matchAll(/!\[[^\]]*\]\(([^)\s]+)[^)]*\)/g)].map((m) => m[1]!);
  const html = [...md.matchAll(/<img\b[^>]*\bsrc=["']([^"']+)["']/gi)].map((m) => m[1]!);
  return [...md1, ...html];
}

describe('README images (issue #17)', () => {
  const names = README_IMAGES.map((i) => i.name);

  it('the README shows exactly the listed images, each from docs/images/ by a relative link', () => {
    const shown = shownImages(readme);
    for (const src of shown) assert.match(src, /^docs\/images\/[a-z0-9-]+\.png$/, `${src}: a relative link into docs/images/`);
    assert.deepEqual([...new Set(shown.map((s) => s.slice('docs/images/'.length)))].sort(), [...names].sort());
    assert.equal(new Set(names).size, names.length, 'no name listed twice');
  });

  it('each listed image is committed, a PNG of reasonable size; docs/images/ holds nothing else', () => {
    let total = 0;
    for (const name of names) {
      const file = join(README_DIR, name);
      assert.ok(existsSync(file), `${name} exists under docs/images/ (run its UI test)`);
      const bytes = statSync(file).size;
      total += bytes;
      assert.ok(bytes <= MAX_BYTES, `${name}: ${bytes} bytes > ${MAX_BYTES}`);
      const info = pngInfo(readFileSync(file));
      assert.ok(info.width <= MAX_WIDTH && info.height <= 900, `${name}: ${info.width}×${info.height}`);
    }
    assert.ok(total <= MAX_TOTAL, `all images: ${total} bytes > ${MAX_TOTAL}`);
    assert.deepEqual(readdirSync(README_DIR).sort(), [...names].sort());
  });

  it('each listed image is taken by the UI test the list names, and UI tests take no unlisted one', () => {
    for (const { name, test } of README_IMAGES) {
      const source = readFileSync(join(root, test), 'utf8');
      assert.ok(source.includes(`readmeShot(page, '${name}'`), `${test} takes ${name}`);
    }
    const uiDir = join(root, 'test', 'ui');
    for (const file of readdirSync(uiDir).filter((f) => f.endsWith('.test.mjs'))) {
      const source = readFileSync(join(uiDir, file), 'utf8');
      for (const m of source.matchAll(/readmeShot\(page, '([^']+)'/g)) {
        const entry = README_IMAGES.find((i) => i.name === m[1]);
        assert.equal(entry?.test, `test/ui/${file}`, `${m[1]} taken in test/ui/${file} is listed for that file`);
      }
    }
  });

  it('the images stay out of the .vsix, and vsce has a GitHub repository to resolve relative images against', async () => {
    const packed = await listFiles({ cwd: root, packageManager: PackageManager.None });
    assert.deepEqual(packed.filter((f) => f.startsWith('docs/')), []);
    // vsce rewrites a relative README image to https://github.com/<owner>/<repo>/raw/HEAD/<path>,
    // and fails the package without a repository it can recognise.
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { repository?: { url?: string } };
    assert.match(pkg.repository?.url ?? '', /^https:\/\/github\.com\/[\w.-]+\/[\w.-]+$/);
  });
});
