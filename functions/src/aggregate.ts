// Reads what the month's aggregate needs from storage; shared/aggregate.ts decides what it says.
import { buildAggregate, currentSnapshots } from '../../shared/aggregate';
import type { AggregateResponse, Campaign } from '../../shared';
import type { Repository } from './storage/repository';

export async function loadAggregate(repo: Repository, campaign: Campaign, month: string): Promise<AggregateResponse> {
  const { provinces, current } = currentSnapshots(campaign, month, await repo.listPointers(campaign.id));
  const stored = await Promise.all(current.map((snapshot) => repo.readRecords(snapshot.submissionId)));
  return buildAggregate(campaign, month, provinces, current.map((snapshot, i) => ({ snapshot, records: stored[i] })));
}
