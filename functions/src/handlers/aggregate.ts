// GET /api/aggregate?campaignId=…&month=YYYY-MM[&view=lean] (central key): the whole aggregate, or
// its lean form (no records; their pages from GET /api/aggregate/records?…&continuation=…).
import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import { leanAggregate } from '../../../shared/aggregate';
import { MAX_PAGE_SIZE, loadAggregate, loadAggregateRecordsPage } from '../aggregate';
import { loadCampaignMonth } from '../campaigns';
import { badRequest, ok } from '../http/responses';
import { getRepository } from '../services';

export async function getAggregate(request: HttpRequest): Promise<HttpResponseInit> {
  const repo = getRepository();
  const view = request.query.get('view') ?? 'full';
  if (view !== 'full' && view !== 'lean') {
    throw badRequest('view-invalid', `参数 view 的值「${view}」无效：应为 full 或 lean。`, `Query parameter view "${view}" is invalid: use full or lean.`, { path: 'view' });
  }
  const { campaign, month } = await loadCampaignMonth(repo, request.query);
  const full = await loadAggregate(repo, campaign, month);
  return ok(view === 'lean' ? leanAggregate(full) : full);
}

export async function getAggregateRecords(request: HttpRequest): Promise<HttpResponseInit> {
  const repo = getRepository();
  const { campaign, month } = await loadCampaignMonth(repo, request.query);
  const size = Number(request.query.get('pageSize') ?? 1000);
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) {
    throw badRequest('page-size-invalid', `参数 pageSize 应为 1 至 ${MAX_PAGE_SIZE} 的整数。`, `Query parameter pageSize must be an integer from 1 to ${MAX_PAGE_SIZE}.`, { path: 'pageSize' });
  }
  return ok(await loadAggregateRecordsPage(repo, campaign, month, request.query.get('continuation'), size));
}
