// GET /api/campaigns/{campaignId} (any key), PUT /api/campaigns/{campaignId} (central key)
import type { HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';
import { CampaignError, parseCampaign } from '../../../shared';
import { loadCampaign } from '../campaigns';
import { readJson } from '../http/request-body';
import { badRequest, ok, tooLarge } from '../http/responses';
import { LIMITS } from '../limits';
import { getRepository } from '../services';
import { requireId } from '../submission-body';
import { MAX_TEXT_CHARS } from '../storage/text-chunks';

export async function getCampaign(request: HttpRequest): Promise<HttpResponseInit> {
  return ok(await loadCampaign(getRepository(), requireId(request.params.campaignId, 'campaignId')));
}

export async function putCampaign(request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> {
  const id = requireId(request.params.campaignId, 'campaignId');
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
  // Stored as one entity (under 1 MiB): a document that fits the body limit may still not fit it.
  const chars = JSON.stringify(campaign).length;
  if (chars > MAX_TEXT_CHARS) {
    throw tooLarge(
      'campaign-too-large',
      `活动配置过大（${chars} 个字符，上限 ${MAX_TEXT_CHARS} 个）：请精简联系点的别名或说明。`,
      `The campaign is too large (${chars} characters; at most ${MAX_TEXT_CHARS}): shorten the points' aliases or notes.`,
      { path: '（请求体）', limitChars: MAX_TEXT_CHARS, chars },
    );
  }
  const repo = getRepository();
  await repo.ensure();
  await repo.putCampaign(campaign);
  context.log(`campaign ${id} replaced`);
  return ok(campaign);
}
