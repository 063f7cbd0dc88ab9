// What a submission would do to the snapshot standing for its month (shared/snapshots.ts), before
// anything is stored: the diff, completeness before and after, and whether it needs a confirmation
// (it removes records, or empties a non-empty snapshot). The dry run answers with this; a real
// submission that needs a confirmation and lacks it is refused here with 409.
import { computeCompleteness, reportablePointIds, type Campaign, type Issue, type TrackerRecord } from '../../shared';
import { DIFF_LIST_LIMIT, type ReplacedSnapshot, type SnapshotDiffView, type SubmissionPreview } from '../../shared/api';
import { monthEnd, submissionDue } from '../../shared/calendar';
import { diffSnapshots, removesRecords, type SnapshotDiff } from '../../shared/diff-snapshots';
import { isLateSubmission } from '../../shared/reporting-month';
import { currentSnapshotOf } from '../../shared/snapshots';
import { conflict } from './http/responses';
import { now } from './services';
import type { Repository, StoredRecord, StoredSummary } from './storage/repository';
import type { SubmissionInput } from './submission-body';

export interface Replaced {
  summary: StoredSummary;
  records: StoredRecord[];
}

/** The stored version standing for the input's month now: what the submission would replace. */
export async function snapshotToReplace(repo: Repository, input: SubmissionInput): Promise<Replaced | null> {
  const pointers = await repo.listProvincePointers(input.campaignId, input.provinceId);
  const standing = currentSnapshotOf(pointers, input.provinceId, input.month);
  if (!standing) return null;
  const [summary, records] = await Promise.all([
    repo.getSummary(input.campaignId, input.provinceId, standing.version),
    repo.readRecords(standing.submissionId),
  ]);
  return summary ? { summary, records } : null;
}

export const replacedOf = (r: Replaced | null): ReplacedSnapshot | null =>
  r ? { submissionId: r.summary.submissionId, month: r.summary.month, version: r.summary.version, recordCount: r.records.length } : null;

export function diffView(diff: SnapshotDiff): SnapshotDiffView {
  const cut = <T>(list: T[]) => list.slice(0, DIFF_LIST_LIMIT);
  return {
    previousCount: diff.previousCount,
    nextCount: diff.nextCount,
    addedCount: diff.added.length,
    removedCount: diff.removed.length,
    changedCount: diff.changed.length,
    unchanged: diff.unchanged,
    added: cut(diff.added),
    removed: cut(diff.removed),
    changed: cut(diff.changed),
    truncated: [diff.added, diff.removed, diff.changed].some((l) => l.length > DIFF_LIST_LIMIT),
  };
}

export function diffAgainst(replaced: Replaced | null, input: SubmissionInput): SnapshotDiff {
  return diffSnapshots(replaced?.records.map((r) => r.record) ?? [], input.records);
}

function completenessOf(records: TrackerRecord[], issues: Issue[], campaign: Campaign, input: SubmissionInput) {
  return computeCompleteness(records, issues, campaign, {
    asOf: monthEnd(input.month),
    pointIds: [...reportablePointIds(campaign, input.provinceId)],
  });
}

export function buildPreview(
  campaign: Campaign,
  input: SubmissionInput,
  issues: Issue[],
  replaced: Replaced | null,
  contentHash: string,
): SubmissionPreview {
  const diff = diffAgainst(replaced, input);
  const needsConfirmation = removesRecords(diff);
  const submittedAt = now().toISOString();
  return {
    dryRun: true,
    campaignId: input.campaignId,
    provinceId: input.provinceId,
    month: input.month,
    recordCount: input.records.length,
    replaces: replacedOf(replaced),
    diff: diffView(diff),
    needsConfirmation,
    confirm: needsConfirmation && replaced ? replaced.summary.submissionId : null,
    duplicate: replaced?.summary.month === input.month && replaced.summary.contentHash === contentHash,
    completeness: {
      before: replaced ? completenessOf(replaced.records.map((r) => r.record), replaced.records.flatMap((r) => r.issues), campaign, input) : completenessOf([], [], campaign, input),
      after: completenessOf(input.records, issues, campaign, input),
    },
    issues,
    due: submissionDue(input.month, campaign.submissionDueDay),
    late: isLateSubmission(campaign, input.month, submittedAt),
  };
}

/**
 * Refuses a submission that removes records from the snapshot it replaces unless `confirm` names
 * that snapshot (its submission id, as the dry run and this refusal give it). Naming the snapshot,
 * not just saying "yes", means a confirmation given for one version cannot wave through another
 * that landed meanwhile.
 */
export function assertConfirmed(replaced: Replaced | null, input: SubmissionInput, confirm: string | null): SnapshotDiff {
  const diff = diffAgainst(replaced, input);
  if (!removesRecords(diff) || !replaced || confirm === replaced.summary.submissionId) return diff;
  const { summary } = replaced;
  const emptied = input.records.length === 0;
  const what = emptied ? `清空现有的 ${diff.previousCount} 条记录` : `删除 ${diff.removed.length} 条记录`;
  const whatEn = emptied ? `empty the ${diff.previousCount} records there` : `remove ${diff.removed.length} records`;
  throw conflict(
    'would-remove-records',
    `本次报送将${what}（替换 ${summary.month} 第 ${summary.version} 版，共 ${diff.previousCount} 条；本次 ${diff.nextCount} 条）。如确认，请带参数 confirm=${summary.submissionId} 重新报送。`,
    `This submission would ${whatEn} (replacing ${summary.month} version ${summary.version}, ${diff.previousCount} records, with ${diff.nextCount}). To go ahead, send it again with confirm=${summary.submissionId}.`,
    { replaces: replacedOf(replaced), confirm: summary.submissionId, confirmWasStale: confirm !== null, diff: diffView(diff) },
  );
}
