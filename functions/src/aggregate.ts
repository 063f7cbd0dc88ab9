// Reads what the month's aggregate needs from storage; shared/aggregate.ts decides what it says.
// The records can also be read a page at a time (GET /api/aggregate/records): only the partitions
// a page overlaps are read, by row-key range, so neither side ever holds every record in one answer.
import { createHash } from 'node:crypto';
import { buildAggregate, currentSnapshots } from '../../shared/aggregate';
import type { AggregateRecord, AggregateRecordsPage, AggregateResponse, Campaign } from '../../shared';
import { badRequest, conflict } from './http/responses';
import type { Repository } from './storage/repository';

export async function loadAggregate(repo: Repository, campaign: Campaign, month: string): Promise<AggregateResponse> {
  const { provinces, current } = currentSnapshots(campaign, month, await repo.listPointers(campaign.id));
  const stored = await Promise.all(current.map((snapshot) => repo.readRecords(snapshot.submissionId)));
  return buildAggregate(campaign, month, provinces, current.map((snapshot, i) => ({ snapshot, records: stored[i] })));
}

export const MAX_PAGE_SIZE = 5_000;

/** `offset.fingerprint`: where the next page starts, and which versions the pages are cut from. */
function token(offset: number, fingerprint: string): string {
  return Buffer.from(`${offset}.${fingerprint}`).toString('base64url');
}

function parseToken(value: string): { offset: number; fingerprint: string } {
  const m = /^(\d{1,9})\.([0-9a-f]{16})$/.exec(Buffer.from(value, 'base64url').toString('utf8'));
  if (!m) throw badRequest('continuation-invalid', '参数 continuation 无效：请从第一页重新读取。', 'Invalid continuation token: start again from the first page.', { path: 'continuation' });
  return { offset: Number(m[1]), fingerprint: m[2] };
}

export async function loadAggregateRecordsPage(
  repo: Repository,
  campaign: Campaign,
  month: string,
  continuation: string | null,
  pageSize: number,
): Promise<AggregateRecordsPage> {
  const { current } = currentSnapshots(campaign, month, await repo.listPointers(campaign.id));
  const fingerprint = createHash('sha256').update(current.map((s) => s.submissionId).join('\n')).digest('hex').slice(0, 16);
  const start = continuation ? parseToken(continuation) : { offset: 0, fingerprint };
  if (start.fingerprint !== fingerprint) {
    throw conflict('aggregate-changed', '读取期间有省份报送了新版本：请从第一页重新读取。', 'A province submitted a new version while paging: start again from the first page.');
  }
  const counts = await Promise.all(current.map((s) => repo.getSummary(campaign.id, s.provinceId, s.version).then((x) => x?.recordCount ?? 0)));
  const records: AggregateRecord[] = [];
  let before = 0;
  const end = start.offset + pageSize;
  for (const [i, snapshot] of current.entries()) {
    const from = Math.max(start.offset - before, 0);
    const to = Math.min(end - before, counts[i]);
    if (from < to) {
      for (const { record, issues } of await repo.readRecordRange(snapshot.submissionId, from + 1, to)) {
        records.push({ ...record, provinceId: snapshot.provinceId, submissionId: snapshot.submissionId, issues });
      }
    }
    before += counts[i];
  }
  return { records, continuation: end < before ? token(end, fingerprint) : null };
}
