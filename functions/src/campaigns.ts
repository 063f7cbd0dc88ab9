// Campaign documents: the embedded default exists from the start (seeded on first read); stored
// ones were validated with the shared parseCampaign when they were put.
import { DEFAULT_CAMPAIGN, parseCampaign, type Campaign } from '../../shared';
import { notFound } from './http/responses';
import type { Repository } from './storage/repository';
import { requireId, requireMonth } from './submission-body';
import { checkMonth } from './summaries';

async function findCampaign(repo: Repository, id: string): Promise<Campaign | null> {
  await repo.ensure();
  const stored = await repo.getCampaignJson(id);
  if (stored) return parseCampaign(stored);
  if (id !== DEFAULT_CAMPAIGN.id) return null;
  await repo.putCampaign(DEFAULT_CAMPAIGN, true);
  return parseCampaign(await repo.getCampaignJson(id));
}

export async function loadCampaign(repo: Repository, id: string): Promise<Campaign> {
  const campaign = await findCampaign(repo, id);
  if (!campaign) {
    throw notFound('campaign-not-found', `找不到活动「${id}」（campaignId）。`, `No campaign "${id}" (campaignId).`, { path: 'campaignId', campaignId: id });
  }
  return campaign;
}

/** The campaign and month a central query names (`?campaignId=…&month=YYYY-MM`), the month within the campaign's period. */
export async function loadCampaignMonth(repo: Repository, query: URLSearchParams): Promise<{ campaign: Campaign; month: string }> {
  const campaign = await loadCampaign(repo, requireId(query.get('campaignId'), 'campaignId'));
  const month = requireMonth(query.get('month'), 'month');
  checkMonth(campaign, month);
  return { campaign, month };
}
