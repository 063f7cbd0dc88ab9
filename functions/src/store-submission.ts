// Storing a submission so that repeats, retries and races all end well:
//  0. a submission that removes records from the snapshot standing for its month (or empties it) is
//     refused with 409 unless confirmed (submission-preview.ts); adding needs no confirmation;
//  1. the same content as the province's current version for the month → that version, nothing stored;
//  2. a claim keyed by (month, content hash, version it replaces) lets exactly one of several
//     identical concurrent requests store it; the others wait for it and answer "duplicate";
//  3. the version comes from an ETag-guarded counter; records go to the version's own partition,
//     then the summary (its existence marks the version complete), then the month's "current"
//     pointer flips, ETag-guarded and only forwards, so concurrent submissions leave exactly
//     one of them current and keep both versions.
//  A claim is a lease (claims.ts): renewed while its owner stores, recovered within seconds when the
//  owner died, with the partial version it left deleted.
import { createHash } from 'node:crypto';
import { rowKey, validateRecords, type Campaign, type Issue } from '../../shared';
import { conflict, badRequest } from './http/responses';
import { MAX_TEXT_CHARS } from './storage/text-chunks';
import { now } from './services';
import { submissionIdOf, type Claim, type Repository, type StoredRecord, type StoredSummary } from './storage/repository';
import { Lease, isAbandoned, payloadName, recoverAbandoned } from './claims';
import type { SubmissionInput } from './submission-body';
import { assertConfirmed, snapshotToReplace, type Replaced } from './submission-preview';
import type { SnapshotDiff } from '../../shared/diff-snapshots';

export interface Payload {
  bytes: Uint8Array;
  contentType: string;
  /** `json`, or the tracker file's format (xlsx, xls, ods, csv…). */
  extension: string;
}

export interface StoreResult {
  summary: StoredSummary;
  issues: Issue[];
  duplicate: boolean;
  /** The snapshot that stood for the month before, and what this submission changed in it. */
  replaced: Replaced | null;
  diff: SnapshotDiff | null;
}

export interface StoreOptions {
  /** The submission id of the snapshot the caller agreed to remove records from. */
  confirm?: string | null;
  /** `central` or `province:<id>`. */
  submittedBy?: string;
}

const WAIT_MS = 20_000;
const POLL_MS = 100;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const inProgress = () =>
  conflict('submission-in-progress', '相同内容的报送正在处理中，请稍后重试。', 'The same submission is being stored right now; retry shortly.');

export function contentHash(input: SubmissionInput): string {
  return createHash('sha256').update(JSON.stringify([input.month, input.records])).digest('hex');
}

function withIssues(input: SubmissionInput, issues: Issue[]): StoredRecord[] {
  const byRow = new Map<string, Issue[]>();
  for (const issue of issues) byRow.set(rowKey(issue), [...(byRow.get(rowKey(issue)) ?? []), issue]);
  const stored = input.records.map((record) => ({ record, issues: byRow.get(rowKey(record)) ?? [] }));
  for (const [index, s] of stored.entries()) {
    if (JSON.stringify({ r: s.record, i: s.issues }).length > MAX_TEXT_CHARS) {
      throw badRequest(
        'record-too-large',
        `第${s.record.row}行的记录内容过长，无法保存：请缩短活动简况等文字。`,
        `The record of row ${s.record.row} is too long to store: shorten its summary or other texts.`,
        { path: `records[${index}]`, row: s.record.row },
      );
    }
  }
  return stored;
}

async function waitForClaimed(repo: Repository, input: SubmissionInput, claim: Claim): Promise<StoredSummary | 'retry'> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const held = await repo.readClaim(input.campaignId, input.provinceId, claim.rowKey);
    if (!held) return 'retry';
    if (held.version > 0) {
      const summary = await repo.getSummary(input.campaignId, input.provinceId, held.version);
      if (summary) {
        // Its owner may have died before moving the pointer: finish that (only forwards).
        if (isAbandoned(held)) await recoverAbandoned(repo, input.campaignId, input.provinceId, held);
        return summary;
      }
    }
    if (isAbandoned(held)) {
      await recoverAbandoned(repo, input.campaignId, input.provinceId, held, undefined, 'background');
      return 'retry';
    }
    if (Date.now() > deadline) throw inProgress();
    await sleep(POLL_MS);
  }
}

async function storeNew(
  repo: Repository,
  campaign: Campaign,
  input: SubmissionInput,
  records: StoredRecord[],
  issues: Issue[],
  hash: string,
  payload: Payload,
  lease: Lease,
  submittedBy: string | undefined,
): Promise<StoredSummary> {
  const { campaignId, provinceId, month } = input;
  const version = await repo.allocateVersion(campaignId, provinceId);
  await lease.setVersion(version);
  const submissionId = submissionIdOf(campaignId, provinceId, version);
  const payloadBlob = payloadName(campaign.id, provinceId, version, payload.extension);
  await Promise.all([
    repo.putPayload(payloadBlob, payload.bytes, payload.contentType),
    repo.writeRecords(submissionId, records),
  ]);
  const summary: StoredSummary = {
    submissionId,
    campaignId,
    provinceId,
    month,
    version,
    recordCount: records.length,
    errorCount: issues.filter((i) => i.severity === 'error').length,
    warningCount: issues.filter((i) => i.severity === 'warning').length,
    submittedAt: now().toISOString(),
    contentHash: hash,
    columns: input.columns,
    source: input.source,
    payloadBlob,
    payloadType: payload.contentType,
  };
  if (submittedBy) summary.submittedBy = submittedBy;
  // Still ours? A claim taken over meanwhile has had this version's records deleted.
  await lease.renew();
  await repo.putSummary(summary);
  await repo.flipPointer(campaignId, { provinceId, month, version, submissionId, submittedAt: summary.submittedAt });
  return summary;
}

export async function storeSubmission(
  repo: Repository,
  campaign: Campaign,
  input: SubmissionInput,
  payload: Payload,
  options: StoreOptions = {},
): Promise<StoreResult> {
  const issues = validateRecords(input.records, campaign, input.columns, { provinceId: input.provinceId, parts: input.parts });
  const records = withIssues(input, issues);
  const hash = contentHash(input);
  for (let attempt = 0; attempt < 3; attempt++) {
    const base = await repo.getPointer(input.campaignId, input.provinceId, input.month);
    if (base) {
      const current = await repo.getSummary(input.campaignId, input.provinceId, base.version);
      if (current?.contentHash === hash) return { summary: current, issues, duplicate: true, replaced: null, diff: null };
    }
    const replaced = await snapshotToReplace(repo, input);
    const diff = assertConfirmed(replaced, input, options.confirm ?? null);
    const { won, claim } = await repo.claim(input.campaignId, input.provinceId, `claim~${input.month}~${hash}~${base?.version ?? 0}`);
    if (!won) {
      const outcome = await waitForClaimed(repo, input, claim);
      if (outcome === 'retry') continue;
      return { summary: outcome, issues, duplicate: true, replaced: null, diff: null };
    }
    const lease = new Lease(repo, input.campaignId, input.provinceId, claim);
    try {
      const summary = await storeNew(repo, campaign, input, records, issues, hash, payload, lease, options.submittedBy);
      return { summary, issues, duplicate: false, replaced, diff };
    } catch (err) {
      // Clear the partial version and let a retry claim again instead of waiting for a version
      // that never comes; if even that fails, the lease runs out and the sweep clears it.
      await lease.end().catch(() => undefined);
      await recoverAbandoned(repo, input.campaignId, input.provinceId, claim, undefined, 'background').catch(() => undefined);
      throw err;
    } finally {
      await lease.end().catch(() => undefined);
    }
  }
  throw inProgress();
}
