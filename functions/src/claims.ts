// Claims held as leases, and what is left behind when their owner dies.
//
// The owner of a claim renews it every HEARTBEAT_MS under its ETag. A claim not renewed for
// LEASE_MS belongs to a request that died (kill -9, a lost instance): whoever meets it — a retry
// waiting on it, or the sweep (on start and on a timer) — fences it (renews it under the ETag it
// read, so a claim renewed meanwhile is never taken), marks the partial version it left as an
// orphan, drops the claim (the retry may claim again at once: its version is a new one) and then
// deletes the orphan's records and payload; after a crash the sweep finds the mark. An owner that lost its claim (a pause longer than the lease) learns so
// from its next renewal and stops before writing its summary. Recovery after a crash thus takes
// seconds (the lease), not the two minutes of the old fixed timeout.
//
// A version whose summary exists is complete; if its owner died before moving the month's pointer,
// the one who meets its claim moves the pointer (only forwards, as the owner would have).
import { keyPart, padded } from './storage/table-keys';
import { submissionIdOf, type Claim, type HeldClaim, type Repository } from './storage/repository';

export const LEASE_MS = 4_000;
export const HEARTBEAT_MS = 1_000;

export function isAbandoned(claim: Claim, now = Date.now()): boolean {
  return now - Date.parse(claim.heartbeatAt) > LEASE_MS;
}

/** Where a version's payload is kept (the extension is the content's). */
export function payloadName(campaignId: string, provinceId: string, version: number, extension: string): string {
  return `${keyPart(campaignId)}/${keyPart(provinceId)}/${padded(version)}.${extension}`;
}

/** Keeps a won claim alive while its owner stores; every write to the claim goes through here, one at a time. */
export class Lease {
  private chain: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout;
  private lost: unknown = null;

  constructor(
    private readonly repo: Repository,
    private readonly campaignId: string,
    private readonly provinceId: string,
    readonly claim: Claim,
  ) {
    this.timer = setInterval(() => void this.renew().catch(() => undefined), HEARTBEAT_MS);
    this.timer.unref();
  }

  private run(write: () => Promise<void>): Promise<void> {
    const next = this.chain.then(async () => {
      if (this.lost) throw this.lost;
      try {
        await write();
      } catch (err) {
        this.lost = err;
        throw err;
      }
    });
    this.chain = next.catch(() => undefined);
    return next;
  }

  setVersion(version: number): Promise<void> {
    return this.run(() => this.repo.setClaimVersion(this.campaignId, this.provinceId, this.claim, version));
  }

  /** Renews now: throws when the claim was taken over (then nothing more may be written). */
  renew(): Promise<void> {
    return this.run(() => this.repo.renewClaim(this.campaignId, this.provinceId, this.claim));
  }

  async end(): Promise<void> {
    clearInterval(this.timer);
    await this.chain;
  }
}

export interface RecoveryCounts {
  claims: number;
  partitions: number;
  entities: number;
  pointers: number;
}

const noCounts = (): RecoveryCounts => ({ claims: 0, partitions: 0, entities: 0, pointers: 0 });

/** Deletes an orphaned version's records and payload, then its mark. */
export async function clearOrphan(repo: Repository, campaignId: string, provinceId: string, version: number, counts = noCounts()): Promise<void> {
  const id = submissionIdOf(campaignId, provinceId, version);
  const [entities] = await Promise.all([
    repo.deleteRecords(id),
    ...['json', 'xlsx'].map((ext) => repo.deletePayload(payloadName(campaignId, provinceId, version, ext))),
  ]);
  counts.partitions += entities > 0 ? 1 : 0;
  counts.entities += entities;
  await repo.dropOrphan(campaignId, provinceId, version);
}

/** Clears what an abandoned claim left (or completes it when its summary exists); false when the
 *  claim changed meanwhile (its owner is alive after all, or someone else recovered it).
 *  `clearing`: 'wait' deletes the orphan before returning; 'background' leaves that running (a
 *  retry need not wait for thousands of deletes: the mark keeps the work if this process dies). */
export async function recoverAbandoned(
  repo: Repository,
  campaignId: string,
  provinceId: string,
  claim: Claim,
  counts: RecoveryCounts = noCounts(),
  clearing: 'wait' | 'background' = 'wait',
): Promise<boolean> {
  if (claim.version > 0) {
    const summary = await repo.getSummary(campaignId, provinceId, claim.version);
    if (summary) {
      await repo.flipPointer(campaignId, {
        provinceId,
        month: summary.month,
        version: summary.version,
        submissionId: summary.submissionId,
        submittedAt: summary.submittedAt,
      });
      counts.pointers++;
      return true;
    }
    // Still ours to clear? Renewing it under the read ETag both checks and fences a late owner.
    try {
      await repo.renewClaim(campaignId, provinceId, claim);
    } catch {
      return false;
    }
    await repo.markOrphan(campaignId, provinceId, claim.version);
  }
  const dropped = await repo.dropClaim(campaignId, provinceId, claim);
  if (dropped) counts.claims++;
  if (claim.version > 0) {
    const clear = clearOrphan(repo, campaignId, provinceId, claim.version, counts);
    if (clearing === 'wait') await clear;
    else void clear.catch(() => undefined);
  }
  return dropped;
}

/** Recovers every abandoned claim of the store and clears every orphan mark: on start and on a timer. */
export async function sweepAbandoned(repo: Repository, now = Date.now()): Promise<RecoveryCounts> {
  const counts = noCounts();
  const claims: HeldClaim[] = await repo.listClaims();
  for (const claim of claims) {
    if (!isAbandoned(claim, now)) continue;
    // A completed claim stays as the idempotence marker once its pointer is in place.
    if (claim.version > 0) {
      const pointer = await repo.getPointer(claim.campaignId, claim.provinceId, claim.rowKey.split('~')[1] ?? '');
      if (pointer && pointer.version >= claim.version) continue;
    }
    await recoverAbandoned(repo, claim.campaignId, claim.provinceId, claim, counts);
  }
  for (const orphan of await repo.listOrphans()) await clearOrphan(repo, orphan.campaignId, orphan.provinceId, orphan.version, counts);
  return counts;
}
