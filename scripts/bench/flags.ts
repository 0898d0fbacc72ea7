// Sidebar benchmark: the Feature Flags view over 10,000 flags in the emulator (`--flags 10000`).
// Measures, in one run against the same emulator: the first page as the view loads it (PagedList
// over `flags.page`, 50 items), a server-side filter, the next page ("Load more…"), and loading
// every flag at once (what a tree without paging would do); prints medians and ratios.
// Run: node --import tsx scripts/bench/flags.ts   (also picked up by `npm run bench`)
// Not a test: it prints, it does not assert. Goal: first page ≤ 200 ms.
import { PostHogClient } from '../../src/api/client';
import { PagedList } from '../../src/views/paging';
// @ts-expect-error plain ESM helper without types
import { startEmulator } from '../../test/support/emulator.mjs';

const FLAGS = Number(process.env.HOGQL_BENCH_FLAGS || 10_000);
const ROUNDS = Number(process.env.HOGQL_BENCH_ROUNDS || 7);
const PAGE = 50;

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function time(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

async function rounds(fn: () => Promise<unknown>): Promise<number> {
  await fn(); // warm-up
  const out: number[] = [];
  for (let i = 0; i < ROUNDS; i++) out.push(await time(fn));
  return median(out);
}

async function main(): Promise<void> {
  const emu = await startEmulator({ events: 2000, rateLimits: false, extraArgs: ['--flags', String(FLAGS), '--quiet'] });
  try {
    const client = new PostHogClient({ host: emu.url, personalApiKey: emu.personalKey, version: 'bench', limiter: false });
    const pid = emu.projects[0].id as number;
    const view = (search?: string) => new PagedList((offset, limit, signal) => client.flags.page(pid, offset, limit, { signal, filters: search ? { search } : {} }), PAGE);
    let total = 0;
    const first = await rounds(async () => {
      const l = view();
      await l.ensureLoaded();
      total = l.count ?? 0;
    });
    const more = await rounds(async () => {
      const l = view();
      await l.ensureLoaded();
      await l.loadMore();
    });
    const filter = await rounds(async () => {
      const l = view('bench-flag-0999');
      await l.ensureLoaded();
    });
    let all = 0;
    const everything = await rounds(async () => {
      all = (await client.flags.list(pid, { pageSize: 100 }).toArray()).length;
    });
    const oneRequest = await rounds(() => client.flags.page(pid, 0, total));
    const fmt = (ms: number) => `${ms.toFixed(1)} ms`;
    console.log(`flags: ${total} flags in project ${pid}, page size ${PAGE}, median of ${ROUNDS}`);
    console.log(`  first page (view opens):      ${fmt(first)}  ${first <= 200 ? '(goal ≤ 200 ms met)' : '(goal ≤ 200 ms MISSED)'}`);
    console.log(`  first + Load more (100 rows): ${fmt(more)}`);
    console.log(`  filter "bench-flag-0999":     ${fmt(filter)}`);
    console.log(`  all ${all} flags, pages of 100: ${fmt(everything)}  (×${(everything / first).toFixed(1)} the first page)`);
    console.log(`  all ${total} flags, one request:  ${fmt(oneRequest)}  (×${(oneRequest / first).toFixed(1)} the first page)`);
    await client.close();
  } finally {
    await emu.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
