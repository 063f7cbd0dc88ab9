// GET /api/aggregate?campaignId=…&month=YYYY-MM (central key)
import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import { buildAggregate } from '../aggregate';
import { loadCampaign } from '../campaigns';
import { ok } from '../http/responses';
import { getRepository } from '../services';
import { requireId, requireMonth } from '../submission-body';
import { checkMonth } from '../summaries';

export async function getAggregate(request: HttpRequest): Promise<HttpResponseInit> {
  const repo = getRepository();
  const campaign = await loadCampaign(repo, requireId(request.query.get('campaignId'), 'campaignId'));
  const month = requireMonth(request.query.get('month'), 'month');
  checkMonth(campaign, month);
  return ok(await buildAggregate(repo, campaign, month));
}
