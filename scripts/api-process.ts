// The local API in a process of its own, for the fault tests that kill it (kill -9) and start it
// again. Prints one JSON line `{"url": …, "keys": …}` on stdout when it listens.
//   AZURITE_LOCATION  run a persisted Azurite in this process (like npm start: writes are flushed
//                     before they are acknowledged), keys kept from LIAISON_KEYS (JSON) if given;
//   LIAISON_STORAGE   or use the storage at this connection string (an Azurite the test runs).
//   LIAISON_TABLE_PREFIX  the tables' prefix.
import { startLocalHost } from '../functions/src/local-host';
import { useRepository } from '../functions/src/services';
import { configFromEnv, openStorage } from '../functions/src/storage/clients';
import { Repository } from '../functions/src/storage/repository';
import { startStack, startSweeping, type StackKeys } from './local-stack';

async function main(): Promise<void> {
  const location = process.env.AZURITE_LOCATION;
  if (location) {
    const keys = process.env.LIAISON_KEYS ? (JSON.parse(process.env.LIAISON_KEYS) as Partial<StackKeys>) : undefined;
    const stack = await startStack({ azurite: { location, tablePort: 0, blobPort: 0 }, port: 0, prefix: process.env.LIAISON_TABLE_PREFIX, keys, quiet: true });
    // The keys just created must survive a kill too.
    await stack.azurite.flush();
    process.stdout.write(`${JSON.stringify({ url: stack.baseUrl, keys: stack.keys })}\n`);
    return;
  }
  const repo = new Repository(openStorage(configFromEnv()));
  useRepository(repo);
  await repo.ensure();
  startSweeping(repo, 5_000, true);
  const host = await startLocalHost({ port: 0, log: () => undefined });
  process.stdout.write(`${JSON.stringify({ url: host.url })}\n`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
