// `npm run bench`: runs every section in turn. Adding a section is one line in SECTIONS.
import { checkSection } from './check';
import { functionsSection } from './functions';
import { reportSection } from './report';
import type { BenchSection } from './section';

const SECTIONS: BenchSection[] = [checkSection, reportSection, functionsSection];

async function main(): Promise<void> {
  const print = (line: string): void => void process.stdout.write(`${line}\n`);
  for (const section of SECTIONS) {
    print(`\n== ${section.name} ==`);
    await section.run(print);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
