// Azurite's Table and Blob services, started in-process (one process to stop, no telemetry: the
// in-process servers never start Azurite's telemetry client). Either in memory (tests) or
// persisted under a folder (npm start), so a restart keeps the data.
//
// Azurite persists its databases (LokiJS) on a 5-second timer, so what it acknowledged can be
// lost to a kill -9: 4 of 4 submissions were, and their ids were issued again for other content.
// `flush()` writes its databases now (Loki writes a temporary file and renames it, so a kill
// mid-write leaves the previous file); the local host calls it before acknowledging a write.
import { join } from 'node:path';

/** Azurite's fixed development account (public, documented by Microsoft). */
const ACCOUNT = 'devstoreaccount1';
const ACCOUNT_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

interface AzuriteServer {
  start(): Promise<void>;
  close(): Promise<void>;
  getHttpServerAddress(): string;
}

/** The LokiJS database behind one of Azurite's metadata stores. */
interface Loki {
  saveDatabase(callback: (err?: unknown) => void): void;
}
const lokiOf = (server: unknown, store: string): Loki | undefined =>
  (server as Record<string, { db?: Loki } | undefined>)[store]?.db;
type ServerClass<C> = new (config: C) => AzuriteServer;
type Config = object;

// Azurite ships no type declarations and its package entry needs VS Code; these are its servers.
const TableServer = (require('azurite/dist/src/table/TableServer') as { default: ServerClass<Config> }).default;
const TableConfiguration = (require('azurite/dist/src/table/TableConfiguration') as { default: new (...args: unknown[]) => Config }).default;
const BlobServer = (require('azurite/dist/src/blob/BlobServer') as { default: ServerClass<Config> }).default;
const BlobConfiguration = (require('azurite/dist/src/blob/BlobConfiguration') as { default: new (...args: unknown[]) => Config }).default;

export interface AzuriteOptions {
  /** Folder for the data; absent: in memory. */
  location?: string;
  /** 0 picks free ports. */
  tablePort?: number;
  blobPort?: number;
  host?: string;
}

export interface Azurite {
  connectionString: string;
  tableUrl: string;
  blobUrl: string;
  /** Writes the persisted databases to disk now (nothing to do in memory); calls made while one
   *  write runs share the next one. */
  flush(): Promise<void>;
  stop(): Promise<void>;
}

/** One write at a time; callers arriving during a write share the following one (group commit). */
function groupCommit(write: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | null = null;
  let queued: Promise<void> | null = null;
  const start = (): Promise<void> => {
    running = write().finally(() => (running = null));
    return running;
  };
  return () => {
    if (!running) return start();
    queued ??= running.catch(() => undefined).then(() => {
      queued = null;
      return start();
    });
    return queued;
  };
}

function tableConfig(o: Required<Omit<AzuriteOptions, 'location'>> & { location?: string }): Config {
  const inMemory = o.location === undefined;
  // Positional: host, port, keepAlive, dbPath, debugLog, accessLog, accessLogStream, debugLogPath,
  // loose, skipApiVersionCheck, cert, key, pwd, oauth, disableProductStyleUrl, inMemory.
  return new TableConfiguration(o.host, o.tablePort, undefined, join(o.location ?? '', '__azurite_db_table__.json'),
    false, false, undefined, undefined, false, true, '', '', '', undefined, false, inMemory);
}

function blobConfig(o: Required<Omit<AzuriteOptions, 'location'>> & { location?: string }): Config {
  const inMemory = o.location === undefined;
  const dir = o.location ?? '';
  // Positional: host, port, keepAlive, dbPath, extentDbPath, persistence, accessLog, accessLogStream,
  // debugLog, debugLogPath, loose, skipApiVersionCheck (the SDK is newer than Azurite), cert, key,
  // pwd, oauth, disableProductStyleUrl, inMemory.
  return new BlobConfiguration(o.host, o.blobPort, undefined, join(dir, '__azurite_db_blob__.json'),
    join(dir, '__azurite_db_blob_extent__.json'),
    [{ locationId: 'Default', locationPath: join(dir, '__blobstorage__'), maxConcurrency: 10 }],
    false, undefined, false, undefined, false, true, '', '', '', undefined, false, inMemory);
}

export async function startAzurite(options: AzuriteOptions = {}): Promise<Azurite> {
  const o = { host: '127.0.0.1', tablePort: 0, blobPort: 0, ...options };
  const table = new TableServer(tableConfig(o));
  const blob = new BlobServer(blobConfig(o));
  await table.start();
  try {
    await blob.start();
  } catch (err) {
    await table.close();
    throw err;
  }
  const databases = o.location === undefined
    ? []
    : [lokiOf(table, 'metadataStore'), lokiOf(blob, 'metadataStore'), lokiOf(blob, 'extentMetadataStore')].filter((db): db is Loki => db !== undefined);
  const flush = groupCommit(async () => {
    await Promise.all(databases.map((db) => new Promise<void>((resolve, reject) => db.saveDatabase((err) => (err ? reject(err) : resolve())))));
  });
  const tableUrl = `${table.getHttpServerAddress()}/${ACCOUNT}`;
  const blobUrl = `${blob.getHttpServerAddress()}/${ACCOUNT}`;
  return {
    connectionString:
      `DefaultEndpointsProtocol=http;AccountName=${ACCOUNT};AccountKey=${ACCOUNT_KEY};` +
      `BlobEndpoint=${blobUrl};TableEndpoint=${tableUrl};`,
    tableUrl,
    blobUrl,
    flush,
    stop: async () => {
      await Promise.all([table.close(), blob.close()]);
    },
  };
}
