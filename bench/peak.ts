// `node dist/bench/peak.js CONTENDER FILE`: runs one contender once in this fresh process and prints
// its peak resident memory in bytes (the check section compares them).
import { readFileSync } from 'node:fs';
import { CONTENDERS } from './check-contenders';

async function main(): Promise<void> {
  const [name, file] = process.argv.slice(2);
  const run = CONTENDERS[name];
  if (!run) throw new Error(`unknown contender ${name}`);
  await run(new Uint8Array(readFileSync(file)));
  process.stdout.write(`${process.resourceUsage().maxRSS * 1024}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exitCode = 1;
});
