// Azure accepts a transaction of at most 100 entities, all in ONE partition, under 4 MiB. Azurite
// accepts mixed partitions, so the rule is enforced here rather than trusted to the emulator.
import type { TableEntity } from '@azure/data-tables';

const MAX_TRANSACTION_ENTITIES = 100;
/** Below the service's 4 MiB with room for the multipart framing. */
export const MAX_TRANSACTION_BYTES = 3.5 * 1024 * 1024;

export type Entity = TableEntity<Record<string, unknown>>;

/** Service-side size of an entity, approximated as UTF-16 bytes of its JSON (the service counts UTF-16). */
function entityBytes(entity: Entity): number {
  return JSON.stringify(entity).length * 2;
}

/** Splits one partition's entities into transactions; throws if they span partitions. */
export function planTransactions(entities: Entity[]): Entity[][] {
  const batches: Entity[][] = [];
  let batch: Entity[] = [];
  let bytes = 0;
  const partition = entities[0]?.partitionKey;
  for (const entity of entities) {
    if (entity.partitionKey !== partition) {
      throw new RangeError(`a transaction must stay in one partition: ${partition} vs ${entity.partitionKey}`);
    }
    const size = entityBytes(entity);
    if (batch.length === MAX_TRANSACTION_ENTITIES || (batch.length > 0 && bytes + size > MAX_TRANSACTION_BYTES)) {
      batches.push(batch);
      batch = [];
      bytes = 0;
    }
    batch.push(entity);
    bytes += size;
  }
  if (batch.length > 0) batches.push(batch);
  return batches;
}

/** Checks one transaction against the service's rules before it is sent. */
export function assertTransaction(entities: Entity[]): void {
  if (entities.length === 0 || entities.length > MAX_TRANSACTION_ENTITIES) {
    throw new RangeError(`a transaction holds 1–${MAX_TRANSACTION_ENTITIES} entities, not ${entities.length}`);
  }
  const partition = entities[0].partitionKey;
  if (entities.some((e) => e.partitionKey !== partition)) {
    throw new RangeError('a transaction must stay in one partition');
  }
  const bytes = entities.reduce((sum, e) => sum + entityBytes(e), 0);
  if (bytes > MAX_TRANSACTION_BYTES) throw new RangeError(`a transaction must stay under 4 MiB (${bytes} bytes)`);
}
