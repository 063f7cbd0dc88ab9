// Everything the API stores, behind one small interface over Table and Blob storage.
//
// Tables (all named `${prefix}…`):
//   Submissions  PK `campaign~province`  RK `v~000003` version summaries (immutable),
//                                        RK `counter` the ETag-guarded version counter,
//                                        RK `claim~month~hash~base` idempotence claims, held as
//                                        leases: the owner renews `heartbeatAt` under the ETag,
//                                        RK `orphan~000003` a partial version left to delete
//   Records      PK submissionId         RK `000001…` one entity per record (immutable partition)
//   Current      PK campaign             RK `province~month` → the current version, flipped with ETags
//   Campaigns    PK `campaign`           RK campaign id
//   Keys         PK `key`                RK sha256 of the key
// Numbers are stored as Double (plain JS numbers): Int64 would come back as BigInt.
import { odata, type TableClient, type TableEntityResult } from '@azure/data-tables';
import type { Campaign, ColumnMap, Issue, TrackerRecord } from '../../../shared';
import type { SnapshotRef } from '../../../shared/aggregate';
import type { StorageClients } from './clients';
import { isConflict, isNotFound, isPreconditionFailed } from './errors';
import { toChunks, fromChunks } from './text-chunks';
import { decodeKeyPart, keyPart, padded, tableKey } from './table-keys';
import { assertTransaction, planTransactions, type Entity } from './transactions';

export type Principal = { role: 'central' } | { role: 'province'; provinceId: string };

export interface StoredSummary {
  submissionId: string;
  campaignId: string;
  provinceId: string;
  month: string;
  version: number;
  recordCount: number;
  errorCount: number;
  warningCount: number;
  submittedAt: string;
  contentHash: string;
  columns: ColumnMap;
  source?: { file?: string; sheet?: string };
  payloadBlob: string;
  payloadType: string;
  /** `central` or `province:<id>`: the kind of key that stored it (absent on older versions). */
  submittedBy?: string;
}

export interface StoredRecord {
  record: TrackerRecord;
  issues: Issue[];
}

/** A province's current version for a month: the snapshot the aggregate reads. */
export type CurrentPointer = SnapshotRef;

export interface Claim {
  rowKey: string;
  version: number;
  createdAt: string;
  /** Renewed by the owner while it stores; a claim not renewed for a lease's length is abandoned. */
  heartbeatAt: string;
  etag: string;
}

/** A claim as the sweep lists it, with the province partition it lives in. */
export interface HeldClaim extends Claim {
  campaignId: string;
  provinceId: string;
}

type ClaimEntity = { version: number; createdAt: string; heartbeatAt?: string };

function claimOf(rowKey: string, e: TableEntityResult<ClaimEntity>): Claim {
  return { rowKey, version: Number(e.version), createdAt: e.createdAt, heartbeatAt: e.heartbeatAt ?? e.createdAt, etag: e.etag };
}

/** Parallel transactions per submission: enough to hide latency without flooding one partition. */
const WRITE_CONCURRENCY = 4;
const PAGE_SIZE = 1000;
const RETRIES = 50;

export const submissionIdOf = (campaignId: string, provinceId: string, version: number): string =>
  tableKey(campaignId, provinceId, padded(version));

export function parseSubmissionId(id: string): { campaignId: string; provinceId: string; version: number } | null {
  const parts = id.split('~');
  if (parts.length !== 3 || !/^\d{6,}$/.test(parts[2])) return null;
  return { campaignId: decodeKeyPart(parts[0]), provinceId: decodeKeyPart(parts[1]), version: Number(parts[2]) };
}

async function getOrNull<T extends object>(table: TableClient, pk: string, rk: string): Promise<TableEntityResult<T> | null> {
  try {
    return await table.getEntity<T>(pk, rk);
  } catch (err) {
    if (isNotFound(err)) return null;
    throw err;
  }
}

async function* pages<T extends object>(table: TableClient, filter: string): AsyncGenerator<TableEntityResult<T>[]> {
  for await (const page of table.listEntities<T>({ queryOptions: { filter } }).byPage({ maxPageSize: PAGE_SIZE })) {
    yield page;
  }
}

async function inParallel<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

type SummaryEntity = Omit<StoredSummary, 'columns' | 'source'> & { columns: string; source: string };

function toSummary(e: SummaryEntity): StoredSummary {
  const summary: StoredSummary = {
    submissionId: e.submissionId,
    campaignId: e.campaignId,
    provinceId: e.provinceId,
    month: e.month,
    version: Number(e.version),
    recordCount: Number(e.recordCount),
    errorCount: Number(e.errorCount),
    warningCount: Number(e.warningCount),
    submittedAt: e.submittedAt,
    contentHash: e.contentHash,
    columns: JSON.parse(e.columns) as ColumnMap,
    payloadBlob: e.payloadBlob,
    payloadType: e.payloadType,
  };
  if (e.source) summary.source = JSON.parse(e.source) as StoredSummary['source'];
  if (e.submittedBy) summary.submittedBy = e.submittedBy;
  return summary;
}

export class Repository {
  private ready: Promise<void> | null = null;

  constructor(readonly clients: StorageClients) {}

  /** Creates the tables and the container once per process. */
  ensure(): Promise<void> {
    this.ready ??= (async () => {
      const { payloads, ...tables } = this.clients;
      await Promise.all([
        ...Object.values(tables).map((t: TableClient) => t.createTable()),
        payloads.createIfNotExists(),
      ]);
    })().catch((err: unknown) => {
      this.ready = null;
      throw err;
    });
    return this.ready;
  }

  /** One cheap call per service, neither answering 404: a one-entity page of a query, the container's properties. */
  async health(): Promise<{ table: boolean; blob: boolean }> {
    const probe = async (f: () => Promise<unknown>) => f().then(() => true, () => false);
    const [table, blob] = await Promise.all([
      probe(() => this.clients.keys.listEntities({ queryOptions: { filter: odata`PartitionKey eq ${'health'}`, select: ['PartitionKey'] } }).byPage({ maxPageSize: 1 }).next()),
      probe(() => this.clients.payloads.getProperties()),
    ]);
    return { table, blob };
  }

  // ── campaigns ────────────────────────────────────────────────────────────

  async getCampaignJson(id: string): Promise<unknown | null> {
    const e = await getOrNull<Record<string, unknown>>(this.clients.campaigns, 'campaign', keyPart(id));
    return e ? (JSON.parse(fromChunks('d', e)) as unknown) : null;
  }

  /** `ifAbsent`: only create (seeding), never overwrite what the office edited meanwhile. */
  async putCampaign(campaign: Campaign, ifAbsent = false): Promise<void> {
    const entity = {
      partitionKey: 'campaign',
      rowKey: keyPart(campaign.id),
      updatedAt: new Date().toISOString(),
      ...toChunks('d', JSON.stringify(campaign)),
    };
    if (!ifAbsent) {
      await this.clients.campaigns.upsertEntity(entity, 'Replace');
      return;
    }
    try {
      await this.clients.campaigns.createEntity(entity);
    } catch (err) {
      if (!isConflict(err)) throw err;
    }
  }

  // ── keys ─────────────────────────────────────────────────────────────────

  async findKey(hash: string): Promise<Principal | null> {
    const e = await getOrNull<{ role: string; provinceId?: string }>(this.clients.keys, 'key', hash);
    if (!e) return null;
    return e.role === 'central' ? { role: 'central' } : { role: 'province', provinceId: e.provinceId ?? '' };
  }

  async putKey(hash: string, principal: Principal, label: string): Promise<void> {
    await this.clients.keys.upsertEntity(
      {
        partitionKey: 'key',
        rowKey: hash,
        role: principal.role,
        provinceId: principal.role === 'province' ? principal.provinceId : '',
        label,
        createdAt: new Date().toISOString(),
      },
      'Replace',
    );
  }

  /** Removes a key; false when there was none. */
  async deleteKey(hash: string): Promise<boolean> {
    try {
      await this.clients.keys.deleteEntity('key', hash);
      return true;
    } catch (err) {
      if (isNotFound(err)) return false;
      throw err;
    }
  }

  // ── versions ─────────────────────────────────────────────────────────────

  /** The next version of a province's submissions, from a counter guarded by its ETag. */
  async allocateVersion(campaignId: string, provinceId: string): Promise<number> {
    const pk = tableKey(campaignId, provinceId);
    for (let attempt = 0; attempt < RETRIES; attempt++) {
      const counter = await getOrNull<{ next: number }>(this.clients.submissions, pk, 'counter');
      try {
        if (!counter) {
          await this.clients.submissions.createEntity({ partitionKey: pk, rowKey: 'counter', next: 2 });
          return 1;
        }
        const version = Number(counter.next);
        await this.clients.submissions.updateEntity(
          { partitionKey: pk, rowKey: 'counter', next: version + 1 },
          'Replace',
          { etag: counter.etag },
        );
        return version;
      } catch (err) {
        if (!isConflict(err) && !isPreconditionFailed(err)) throw err;
      }
    }
    throw new Error(`version counter of ${pk} stayed contended`);
  }

  // ── idempotence claims ───────────────────────────────────────────────────

  /** Creates the claim, or returns the one someone else holds. */
  async claim(campaignId: string, provinceId: string, rowKey: string): Promise<{ won: boolean; claim: Claim }> {
    const pk = tableKey(campaignId, provinceId);
    const createdAt = new Date().toISOString();
    try {
      const res = await this.clients.submissions.createEntity({ partitionKey: pk, rowKey, version: 0, createdAt, heartbeatAt: createdAt });
      return { won: true, claim: { rowKey, version: 0, createdAt, heartbeatAt: createdAt, etag: res.etag ?? '*' } };
    } catch (err) {
      if (!isConflict(err)) throw err;
    }
    const held = await this.readClaim(campaignId, provinceId, rowKey);
    if (!held) return this.claim(campaignId, provinceId, rowKey);
    return { won: false, claim: held };
  }

  async readClaim(campaignId: string, provinceId: string, rowKey: string): Promise<Claim | null> {
    const e = await getOrNull<ClaimEntity>(this.clients.submissions, tableKey(campaignId, provinceId), rowKey);
    return e ? claimOf(rowKey, e) : null;
  }

  /** Every claim of every province (the sweep's view; the table holds summaries and claims only). */
  async listClaims(): Promise<HeldClaim[]> {
    const out: HeldClaim[] = [];
    const filter = odata`RowKey ge ${'claim~'} and RowKey lt ${'claim~~'}`;
    for await (const page of pages<ClaimEntity>(this.clients.submissions, filter)) {
      for (const e of page) {
        const [campaignId = '', provinceId = ''] = (e.partitionKey ?? '').split('~').map(decodeKeyPart);
        out.push({ ...claimOf(e.rowKey ?? '', e), campaignId, provinceId });
      }
    }
    return out;
  }

  /** Records the claim's version and renews it; the claim's ETag moves on with it. Fails with 412
   *  when someone took the claim over meanwhile. */
  async setClaimVersion(campaignId: string, provinceId: string, claim: Claim, version: number): Promise<void> {
    await this.writeClaim(campaignId, provinceId, claim, version);
  }

  /** The owner's heartbeat: proves under the ETag that the claim is still its own. */
  async renewClaim(campaignId: string, provinceId: string, claim: Claim): Promise<void> {
    await this.writeClaim(campaignId, provinceId, claim, claim.version);
  }

  private async writeClaim(campaignId: string, provinceId: string, claim: Claim, version: number): Promise<void> {
    const heartbeatAt = new Date().toISOString();
    const res = await this.clients.submissions.updateEntity(
      { partitionKey: tableKey(campaignId, provinceId), rowKey: claim.rowKey, version, createdAt: claim.createdAt, heartbeatAt },
      'Replace',
      { etag: claim.etag },
    );
    claim.version = version;
    claim.heartbeatAt = heartbeatAt;
    claim.etag = res.etag ?? claim.etag;
  }

  /** Drops an abandoned claim (its owner died before committing), unless it changed meanwhile. */
  async dropClaim(campaignId: string, provinceId: string, claim: Claim): Promise<boolean> {
    try {
      await this.clients.submissions.deleteEntity(tableKey(campaignId, provinceId), claim.rowKey, { etag: claim.etag });
      return true;
    } catch (err) {
      if (!isNotFound(err) && !isPreconditionFailed(err)) throw err;
      return false;
    }
  }

  // ── orphaned versions ────────────────────────────────────────────────────

  /** Remembers that a version was abandoned half-written, before its claim goes: whoever deletes
   *  its partition (now, or the sweep after a crash) finds it here. */
  async markOrphan(campaignId: string, provinceId: string, version: number): Promise<void> {
    await this.clients.submissions.upsertEntity(
      { partitionKey: tableKey(campaignId, provinceId), rowKey: `orphan~${padded(version)}`, version, markedAt: new Date().toISOString() },
      'Replace',
    );
  }

  async listOrphans(): Promise<{ campaignId: string; provinceId: string; version: number }[]> {
    const out: { campaignId: string; provinceId: string; version: number }[] = [];
    for await (const page of pages<{ version: number }>(this.clients.submissions, odata`RowKey ge ${'orphan~'} and RowKey lt ${'orphan~~'}`)) {
      for (const e of page) {
        const [campaignId = '', provinceId = ''] = (e.partitionKey ?? '').split('~').map(decodeKeyPart);
        out.push({ campaignId, provinceId, version: Number(e.version) });
      }
    }
    return out;
  }

  async dropOrphan(campaignId: string, provinceId: string, version: number): Promise<void> {
    try {
      await this.clients.submissions.deleteEntity(tableKey(campaignId, provinceId), `orphan~${padded(version)}`);
    } catch (err) {
      if (!isNotFound(err)) throw err;
    }
  }

  // ── payloads ─────────────────────────────────────────────────────────────

  async putPayload(name: string, bytes: Uint8Array, contentType: string): Promise<void> {
    await this.clients.payloads
      .getBlockBlobClient(name)
      .uploadData(bytes, { blobHTTPHeaders: { blobContentType: contentType } });
  }

  async getPayload(name: string): Promise<Buffer | null> {
    try {
      return await this.clients.payloads.getBlockBlobClient(name).downloadToBuffer();
    } catch (err) {
      if (isNotFound(err)) return null;
      throw err;
    }
  }

  // ── records ──────────────────────────────────────────────────────────────

  /** Writes a version's records into its own partition, in single-partition transactions. */
  async writeRecords(submissionId: string, records: StoredRecord[]): Promise<void> {
    const entities: Entity[] = records.map((r, i) => ({
      partitionKey: submissionId,
      rowKey: padded(i + 1),
      ...toChunks('d', JSON.stringify({ r: r.record, i: r.issues })),
    }));
    await inParallel(planTransactions(entities), WRITE_CONCURRENCY, (batch) => this.transact(batch));
  }

  /** The only way entities are written in bulk: checked against Azure's rules first. A version's
   *  partition is new and never rewritten, so these are inserts (cheaper than upserts). */
  async transact(batch: Entity[]): Promise<void> {
    assertTransaction(batch);
    await this.clients.records.submitTransaction(batch.map((e) => ['create', e]));
  }

  /** Deletes whatever a version's partition holds (a partial write its owner abandoned); returns how many. */
  async deleteRecords(submissionId: string): Promise<number> {
    let deleted = 0;
    const filter = odata`PartitionKey eq ${submissionId}`;
    for await (const page of this.clients.records.listEntities({ queryOptions: { filter, select: ['RowKey'] } }).byPage({ maxPageSize: PAGE_SIZE })) {
      const keys = page.map((e) => ({ partitionKey: submissionId, rowKey: e.rowKey as string }));
      const batches: (typeof keys)[] = [];
      for (let i = 0; i < keys.length; i += 100) batches.push(keys.slice(i, i + 100));
      await inParallel(batches, WRITE_CONCURRENCY, async (batch) => {
        try {
          await this.clients.records.submitTransaction(batch.map((k) => ['delete', k]));
        } catch (err) {
          // One entity already gone fails the whole transaction: delete those one by one.
          if (!isNotFound(err)) throw err;
          for (const k of batch) await this.clients.records.deleteEntity(k.partitionKey, k.rowKey).catch((e: unknown) => {
            if (!isNotFound(e)) throw e;
          });
        }
      });
      deleted += keys.length;
    }
    return deleted;
  }

  async deletePayload(name: string): Promise<void> {
    await this.clients.payloads.getBlockBlobClient(name).deleteIfExists();
  }

  /** Records `from`…`to` (1-based, inclusive) of a version, by row-key range. */
  async readRecordRange(submissionId: string, from: number, to: number): Promise<StoredRecord[]> {
    const out: StoredRecord[] = [];
    const filter = odata`PartitionKey eq ${submissionId} and RowKey ge ${padded(from)} and RowKey le ${padded(to)}`;
    for await (const page of pages<Record<string, unknown>>(this.clients.records, filter)) {
      for (const e of page) {
        const { r, i } = JSON.parse(fromChunks('d', e)) as { r: TrackerRecord; i: Issue[] };
        out.push({ record: r, issues: i });
      }
    }
    return out;
  }

  async readRecords(submissionId: string): Promise<StoredRecord[]> {
    const out: StoredRecord[] = [];
    for await (const page of pages<Record<string, unknown>>(this.clients.records, odata`PartitionKey eq ${submissionId}`)) {
      for (const e of page) {
        const { r, i } = JSON.parse(fromChunks('d', e)) as { r: TrackerRecord; i: Issue[] };
        out.push({ record: r, issues: i });
      }
    }
    return out;
  }

  // ── summaries ────────────────────────────────────────────────────────────

  /** Written after the records: a summary's existence means the version is complete. */
  async putSummary(s: StoredSummary): Promise<void> {
    await this.clients.submissions.createEntity({
      partitionKey: tableKey(s.campaignId, s.provinceId),
      rowKey: `v~${padded(s.version)}`,
      ...s,
      columns: JSON.stringify(s.columns),
      source: s.source ? JSON.stringify(s.source) : '',
    });
  }

  async getSummary(campaignId: string, provinceId: string, version: number): Promise<StoredSummary | null> {
    const e = await getOrNull<SummaryEntity>(this.clients.submissions, tableKey(campaignId, provinceId), `v~${padded(version)}`);
    return e ? toSummary(e) : null;
  }

  async listSummaries(campaignId: string, provinceId: string): Promise<StoredSummary[]> {
    const pk = tableKey(campaignId, provinceId);
    const out: StoredSummary[] = [];
    const filter = odata`PartitionKey eq ${pk} and RowKey ge ${'v~'} and RowKey lt ${'v~~'}`;
    for await (const page of pages<SummaryEntity>(this.clients.submissions, filter)) out.push(...page.map(toSummary));
    return out;
  }

  // ── current pointers ─────────────────────────────────────────────────────

  async getPointer(campaignId: string, provinceId: string, month: string): Promise<CurrentPointer | null> {
    const e = await getOrNull<CurrentPointer>(this.clients.current, keyPart(campaignId), tableKey(provinceId, month));
    return e ? pointerOf(e) : null;
  }

  /** Moves the province's pointer for the month to `p` unless a newer version already holds it. */
  async flipPointer(campaignId: string, p: CurrentPointer): Promise<void> {
    const pk = keyPart(campaignId);
    const rk = tableKey(p.provinceId, p.month);
    const entity = { partitionKey: pk, rowKey: rk, ...p };
    for (let attempt = 0; attempt < RETRIES; attempt++) {
      const existing = await getOrNull<CurrentPointer>(this.clients.current, pk, rk);
      try {
        if (!existing) {
          await this.clients.current.createEntity(entity);
          return;
        }
        if (Number(existing.version) >= p.version) return;
        await this.clients.current.updateEntity(entity, 'Replace', { etag: existing.etag });
        return;
      } catch (err) {
        if (!isConflict(err) && !isPreconditionFailed(err)) throw err;
      }
    }
    throw new Error(`current pointer ${pk}/${rk} stayed contended`);
  }

  /** One province's pointers: its current version of every month it submitted. */
  async listProvincePointers(campaignId: string, provinceId: string): Promise<CurrentPointer[]> {
    const from = `${keyPart(provinceId)}~`;
    const filter = odata`PartitionKey eq ${keyPart(campaignId)} and RowKey ge ${from} and RowKey lt ${`${keyPart(provinceId)}~~`}`;
    const out: CurrentPointer[] = [];
    for await (const page of pages<CurrentPointer>(this.clients.current, filter)) out.push(...page.map(pointerOf));
    return out;
  }

  async listPointers(campaignId: string): Promise<CurrentPointer[]> {
    const out: CurrentPointer[] = [];
    for await (const page of pages<CurrentPointer>(this.clients.current, odata`PartitionKey eq ${keyPart(campaignId)}`)) {
      out.push(...page.map(pointerOf));
    }
    return out;
  }
}

function pointerOf(e: CurrentPointer): CurrentPointer {
  return {
    provinceId: e.provinceId,
    month: e.month,
    version: Number(e.version),
    submissionId: e.submissionId,
    submittedAt: e.submittedAt,
  };
}
