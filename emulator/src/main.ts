/** CLI entry (bundled to dist/main.js): parse flags, start, print the URL, keys and EMULATOR_READY. */
import { describeQueryLimit, parseArgs, standaloneDefaults, USAGE } from './options';
import { startEmulator } from './index';

async function main(): Promise<void> {
  let args;
  try {
    args = standaloneDefaults(parseArgs(process.argv.slice(2)));
  } catch (e) {
    console.error((e as Error).message);
    process.exit(2);
  }
  if (args.help) {
    console.log(USAGE);
    return;
  }
  const emu = await startEmulator(args);
  const ready = {
    url: emu.url,
    personalKey: emu.personalKey,
    adminToken: emu.adminToken,
    projects: emu.projects,
    keys: emu.keys.map((k) => ({ key: k.key, scopes: k.scopes })),
    rateLimits: { enabled: args.rateLimits?.enabled !== false, query: args.rateLimits?.rates?.query ?? null },
  };
  if (!args.quiet) {
    console.log(`PostHog emulator listening on ${emu.url} (${emu.reusedData ? 'reused data' : 'fresh data'} in ${emu.dataDir}, ready in ${emu.startupMs} ms)`);
    console.log(`Personal API key (all scopes): ${emu.personalKey}`);
    for (const k of emu.keys.slice(1)) console.log(`Personal API key (${k.label}): ${k.key}`);
    for (const p of emu.projects) console.log(`Project ${p.id} "${p.name}": project token ${p.apiToken}`);
    console.log(`Admin token (/_emulator/*): ${emu.adminToken}`);
    console.log(describeQueryLimit(args.rateLimits));
  }
  console.log(`EMULATOR_READY ${JSON.stringify(ready)}`);
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    void emu.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
