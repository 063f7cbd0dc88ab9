// Azurite's Table and Blob services, started in-process (one process to stop, no telemetry: the
// in-process servers never start Azurite's telemetry client). Either in memory (tests) or
// persisted under a folder (npm start), so a restart keeps the data.
import { join } from 'node:path';

/** Azurite's fixed development account (public, documented by Microsoft). */
const ACCOUNT = 'devstoreaccount1';
const ACCOUNT_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

interface AzuriteServer {
  start(): Promise<void>;
  close(): Promise<void>;
  getHttpServerAddress(): string;
}
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
  stop(): Promise<void>;
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
  const tableUrl = `${table.getHttpServerAddress()}/${ACCOUNT}`;
  const blobUrl = `${blob.getHttpServerAddress()}/${ACCOUNT}`;
  return {
    connectionString:
      `DefaultEndpointsProtocol=http;AccountName=${ACCOUNT};AccountKey=${ACCOUNT_KEY};` +
      `BlobEndpoint=${blobUrl};TableEndpoint=${tableUrl};`,
    tableUrl,
    blobUrl,
    stop: async () => {
      await Promise.all([table.close(), blob.close()]);
    },
  };
}
