// A generated repository for the workspace-wide code-intelligence benchmark
// (scripts/bench/codeIntelWorkspace.ts) and its host test (test/host/codeIntelWorkspace.test.ts):
// a TS/TSX/JS/Python/Go/Ruby mix where most files never mention PostHog, some are large, a few call
// an SDK (flag checks of `flag` among others), and folders that must be left out (node_modules,
// dist, vendor; their files call the flag too). Seeded (mulberry32), so every run writes the same
// files. Pure Node: it returns the files and where `flag` is used; the callers write them.
import { rng } from '../../src/results/devResults';

export interface RepoFile {
  path: string;
  text: string;
}

export interface SdkRepo {
  files: RepoFile[];
  /** Where `flag` is checked outside the left-out folders, as `path:line` (0-based line), sorted. */
  uses: string[];
  /** Files in the left-out folders (each checks `flag`). */
  excluded: string[];
}

export interface SdkRepoOptions {
  /** Files outside the left-out folders. */
  files: number;
  /** Files inside them (node_modules mostly). */
  excludedFiles: number;
  /** The flag key whose uses are recorded. */
  flag: string;
  /** Other flag keys checked here and there (the stale view groups them). */
  otherFlags?: string[];
  /** One file in `sdkEvery` calls an SDK (the rest are ordinary code). */
  sdkEvery?: number;
  /** One file in `largeEvery` is large (≈ 300 KB). */
  largeEvery?: number;
  seed?: number;
}

type Lang = 'ts' | 'tsx' | 'js' | 'py' | 'go' | 'rb';
/** The mix of a web product's monorepo: mostly TS/JS, a Python backend, some Go and Ruby. */
const MIX: [Lang, number][] = [['ts', 0.35], ['tsx', 0.1], ['js', 0.15], ['py', 0.2], ['go', 0.1], ['rb', 0.1]];

/** Ordinary code, no PostHog: one line per call. */
const PLAIN: Record<Lang, (i: number) => string> = {
  ts: (i) => `export function handle${i}(req: { id: string; n?: number }): number { return (req.n ?? ${i}) * 2 + req.id.length; }`,
  tsx: (i) => `export const Row${i} = ({ label }: { label: string }) => <div className="row-${i}">{label.trim()}</div>;`,
  js: (i) => `module.exports.step${i} = function step${i}(xs) { return xs.filter((x) => x % ${(i % 7) + 2} === 0).map(String); };`,
  py: (i) => `def step_${i}(xs: list[int]) -> list[str]:\n    return [str(x) for x in xs if x % ${(i % 7) + 2} == 0]`,
  go: (i) => `func Step${i}(xs []int) (out []string) {\n\tfor _, x := range xs {\n\t\tout = append(out, fmt.Sprint(x*${i}))\n\t}\n\treturn\n}`,
  rb: (i) => `def step_${i}(xs)\n  xs.select { |x| x % ${(i % 7) + 2} == 0 }.map(&:to_s)\nend`,
};

/** A flag check of `key` as each SDK spells it (one line). */
const CHECK: Record<Lang, (key: string) => string> = {
  ts: (k) => `if (posthog.isFeatureEnabled('${k}')) { render(); }`,
  tsx: (k) => `const on = useFeatureFlagEnabled('${k}');`,
  js: (k) => `const v = await client.getFeatureFlag("${k}", user.id);`,
  py: (k) => `if posthog.feature_enabled('${k}', user.distinct_id):\n    pass`,
  go: (k) => `on, _ := client.IsFeatureEnabled(posthog.FeatureFlagPayload{Key: "${k}", DistinctId: "u"})`,
  rb: (k) => `enabled = posthog.is_feature_enabled('${k}', 'u')`,
};

const HEADER: Record<Lang, string> = {
  ts: "import posthog from 'posthog-js';",
  tsx: "import { useFeatureFlagEnabled } from 'posthog-js/react';",
  js: "const { PostHog } = require('posthog-node');",
  py: 'import posthog',
  go: 'import "github.com/posthog/posthog-go"',
  rb: "require 'posthog'",
};

const DIRS = ['app', 'app/components', 'app/routes', 'lib', 'services/billing', 'services/search', 'server/api', 'tools', 'cmd/worker', 'pkg/store'];
const LEFT_OUT = ['node_modules/posthog-js/dist', 'node_modules/some-ui/lib', 'node_modules/.pnpm/posthog-node/lib', 'dist', 'vendor/bundle'];

function pick(rand: () => number): Lang {
  let r = rand();
  for (const [lang, share] of MIX) if ((r -= share) < 0) return lang;
  return 'ts';
}

/** One file's lines; `checks` are flag keys checked in it (recorded with their line in `at`). */
function fileText(lang: Lang, n: number, lines: number, checks: string[], at: (key: string, line: number) => void): string {
  const out: string[] = checks.length ? [HEADER[lang]] : [];
  let line = out.length;
  for (let i = 0; line < lines; i++) {
    if (checks.length && i % 5 === 2) {
      const key = checks.shift()!;
      at(key, line);
      out.push(CHECK[lang](key));
    } else out.push(PLAIN[lang](n * 1000 + i));
    line += out.at(-1)!.split('\n').length;
  }
  while (checks.length) {
    const key = checks.shift()!;
    at(key, line);
    out.push(CHECK[lang](key));
    line += CHECK[lang](key).split('\n').length;
  }
  return `${out.join('\n')}\n`;
}

export function generateSdkRepo(o: SdkRepoOptions): SdkRepo {
  const rand = rng(o.seed ?? 19);
  const sdkEvery = o.sdkEvery ?? 25;
  const largeEvery = o.largeEvery ?? 250;
  const others = o.otherFlags ?? ['checkout-v2', 'old-onboarding', 'beta-search', 'pricing-test'];
  const files: RepoFile[] = [];
  const uses: string[] = [];
  for (let n = 0; n < o.files; n++) {
    const lang = pick(rand);
    const path = `${DIRS[n % DIRS.length]}/m${Math.floor(n / DIRS.length)}/file${n}.${lang}`;
    const sdk = n % sdkEvery === 3;
    const checks = sdk ? [o.flag, others[n % others.length]!].slice(0, 1 + (n % 2)).concat(n % 3 === 0 ? [o.flag] : []) : [];
    const lines = n % largeEvery === 7 ? 3_000 + Math.floor(rand() * 1_000) : 10 + Math.floor(rand() * 150);
    files.push({ path, text: fileText(lang, n, lines, checks, (key, line) => key === o.flag && uses.push(`${path}:${line}`)) });
  }
  const excluded: string[] = [];
  for (let n = 0; n < o.excludedFiles; n++) {
    const lang: Lang = n % 5 === 0 ? 'py' : 'js';
    const path = `${LEFT_OUT[n % LEFT_OUT.length]}/p${Math.floor(n / 50)}/dep${n}.${lang}`;
    excluded.push(path);
    files.push({ path, text: fileText(lang, n, 40 + Math.floor(rand() * 200), [o.flag], () => {}) });
  }
  return { files, uses: uses.sort(), excluded };
}
