// Azurite + the local API host + keys, in one call: used by `npm start`, by the tests
// (test/support) and by the demo, so there is one launcher.
import { DEFAULT_CAMPAIGN } from '../shared';
import { createKey, restoreKey } from '../functions/src/keys';
import { sweepAbandoned } from '../functions/src/claims';
import { startLocalHost, type LocalHost } from '../functions/src/local-host';
import { useRepository } from '../functions/src/services';
import { openStorage } from '../functions/src/storage/clients';
import { Repository } from '../functions/src/storage/repository';
import { startAzurite, type Azurite, type AzuriteOptions } from './azurite';

export interface StackKeys {
  central: string;
  provinces: Record<string, string>;
}

export interface StackOptions {
  azurite?: AzuriteOptions;
  /** Table name prefix: letters and digits. */
  prefix?: string;
  /** API port; 0 picks a free one. */
  port?: number;
  /** Keys to keep (e.g. read from .dev-keys.json); missing ones are created. */
  keys?: Partial<StackKeys>;
  quiet?: boolean;
  /** How often abandoned claims are swept (also once at start); default 30 s. */
  sweepEveryMs?: number;
}

/** Sweeps abandoned claims now and then every `everyMs`; returns the stop function. */
export function startSweeping(repo: Repository, everyMs: number, quiet = false): () => void {
  const sweep = () =>
    sweepAbandoned(repo)
      .then((n) => {
        if (!quiet && n.claims + n.pointers > 0) console.log(`[sweep] 清理中断的报送 / recovered: ${JSON.stringify(n)}`);
      })
      .catch((err: unknown) => console.error('[sweep] failed:', err));
  void sweep();
  const timer = setInterval(sweep, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}

export interface LocalStack {
  /** e.g. http://127.0.0.1:7071; the API is under `${baseUrl}/api`. */
  baseUrl: string;
  keys: StackKeys;
  azurite: Azurite;
  host: LocalHost;
  repository: Repository;
  stop(): Promise<void>;
}

/** Makes sure the central key and one key per province of the default campaign exist. */
async function ensureKeys(repo: Repository, known: Partial<StackKeys> = {}): Promise<StackKeys> {
  const central = known.central
    ? (await restoreKey(repo, known.central, { role: 'central' }, 'development'), known.central)
    : await createKey(repo, { role: 'central' }, 'development');
  const provinces: Record<string, string> = {};
  await Promise.all(
    DEFAULT_CAMPAIGN.provinces.map(async ({ id }) => {
      const key = known.provinces?.[id];
      if (key) await restoreKey(repo, key, { role: 'province', provinceId: id }, 'development');
      provinces[id] = key ?? (await createKey(repo, { role: 'province', provinceId: id }, 'development'));
    }),
  );
  return { central, provinces };
}

export async function startStack(options: StackOptions = {}): Promise<LocalStack> {
  const azurite = await startAzurite(options.azurite);
  try {
    const repository = new Repository(openStorage({ connectionString: azurite.connectionString, prefix: options.prefix ?? 'liaison' }));
    useRepository(repository);
    await repository.ensure();
    const keys = await ensureKeys(repository, options.keys);
    // Persisted data: a write is flushed to disk before it is acknowledged (see scripts/azurite.ts).
    const durable = options.azurite?.location === undefined ? undefined : azurite.flush;
    const host = await startLocalHost({ port: options.port ?? 7071, log: options.quiet ? () => undefined : undefined, durable });
    const stopSweeping = startSweeping(repository, options.sweepEveryMs ?? 30_000, options.quiet);
    return {
      baseUrl: host.url,
      keys,
      azurite,
      host,
      repository,
      stop: async () => {
        stopSweeping();
        await host.close();
        await azurite.stop();
        useRepository(null);
      },
    };
  } catch (err) {
    await azurite.stop();
    throw err;
  }
}
