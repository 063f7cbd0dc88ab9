// One set of storage clients per process (the SDK clients pool their connections); tests and the
// local host open their own set against their own tables by passing a different prefix.
import { TableClient } from '@azure/data-tables';
import { BlobServiceClient, type ContainerClient } from '@azure/storage-blob';

export interface StorageConfig {
  connectionString: string;
  /** Table names start with it and the blob container is named after it: letters and digits only. */
  prefix: string;
}

export interface StorageClients {
  submissions: TableClient;
  current: TableClient;
  records: TableClient;
  campaigns: TableClient;
  keys: TableClient;
  payloads: ContainerClient;
}

const PREFIX = /^[A-Za-z][A-Za-z0-9]{0,40}$/;

export function openStorage(config: StorageConfig): StorageClients {
  if (!PREFIX.test(config.prefix)) throw new RangeError(`storage prefix must be letters and digits: ${config.prefix}`);
  // Azurite speaks plain http; the SDK refuses a key over http unless told.
  const insecure = /UseDevelopmentStorage=true|=http:\/\//i.test(config.connectionString);
  // A few quick retries: an API caller waits on us, and can itself retry (submissions are idempotent).
  const table = (name: string) =>
    TableClient.fromConnectionString(config.connectionString, `${config.prefix}${name}`, {
      allowInsecureConnection: insecure,
      retryOptions: { maxRetries: 3, retryDelayInMs: 200, maxRetryDelayInMs: 2000 },
    });
  const blobs = BlobServiceClient.fromConnectionString(config.connectionString, {
    retryOptions: { maxTries: 4, retryDelayInMs: 200, maxRetryDelayInMs: 2000 },
  });
  return {
    submissions: table('Submissions'),
    current: table('Current'),
    records: table('Records'),
    campaigns: table('Campaigns'),
    keys: table('Keys'),
    payloads: blobs.getContainerClient(`${config.prefix.toLowerCase()}-payloads`),
  };
}

/** The Functions host gives the storage account as AzureWebJobsStorage; LIAISON_STORAGE may point elsewhere. */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): StorageConfig {
  const connectionString = env.LIAISON_STORAGE ?? env.AzureWebJobsStorage;
  if (!connectionString) throw new Error('LIAISON_STORAGE or AzureWebJobsStorage must hold a storage connection string');
  return { connectionString, prefix: env.LIAISON_TABLE_PREFIX ?? 'liaison' };
}
