// GET /api/campaigns/{campaignId} (any key), PUT /api/campaigns/{campaignId} (central key)
import type { HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';
import { CampaignError, parseCampaign } from '../../../shared';
import { loadCampaign } from '../campaigns';
import { readJson } from '../http/request-body';
import { badRequest, ok } from '../http/responses';
import { LIMITS } from '../limits';
import { getRepository } from '../services';

export async function getCampaign(request: HttpRequest): Promise<HttpResponseInit> {
  return ok(await loadCampaign(getRepository(), request.params.campaignId ?? ''));
}

export async function putCampaign(request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> {
  const id = request.params.campaignId ?? '';
  const { value } = await readJson(request, LIMITS.campaignBytes);
  let campaign;
  try {
    campaign = parseCampaign(value);
  } catch (err) {
    if (err instanceof CampaignError) {
      throw badRequest('invalid-campaign', `活动配置有误（${err.path}）：${err.message}`, `Invalid campaign (${err.path}): ${err.messageEn}`, {
        path: err.path,
        reason: err.code,
      });
    }
    throw err;
  }
  if (campaign.id !== id) {
    throw badRequest(
      'campaign-id-mismatch',
      `请求体中的活动编号「${campaign.id}」（id）与地址中的「${id}」不一致。`,
      `The campaign id "${campaign.id}" (id) differs from "${id}" in the URL.`,
      { path: 'id' },
    );
  }
  const repo = getRepository();
  await repo.ensure();
  await repo.putCampaign(campaign);
  context.log(`campaign ${id} replaced`);
  return ok(campaign);
}
