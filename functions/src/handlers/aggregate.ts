// GET /api/aggregate?campaignId=…&month=YYYY-MM (central key)
import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import { loadAggregate } from '../aggregate';
import { loadCampaignMonth } from '../campaigns';
import { ok } from '../http/responses';
import { getRepository } from '../services';

export async function getAggregate(request: HttpRequest): Promise<HttpResponseInit> {
  const repo = getRepository();
  const { campaign, month } = await loadCampaignMonth(repo, request.query);
  return ok(await loadAggregate(repo, campaign, month));
}
