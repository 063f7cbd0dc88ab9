// POST /api/submissions, GET /api/submissions, GET /api/submissions/{id}[/original]
import type { HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';
import { rowKey, type Campaign, type Issue, type SubmissionDetail, type SubmissionListResponse, type SubmissionResponse } from '../../../shared';
import { XLSX_CONTENT_TYPE } from '../../../shared/api';
import { assertProvinceAccess, principalOf } from '../auth';
import { loadCampaign } from '../campaigns';
import { readBytes, readJson } from '../http/request-body';
import { binary, created, notFound, ok, unsupportedMedia } from '../http/responses';
import { LIMITS } from '../limits';
import { getRepository } from '../services';
import { parseSubmissionId, type StoredRecord } from '../storage/repository';
import { storeSubmission, type Payload } from '../store-submission';
import { optionalName, parseSubmissionJson, requireId, requireMonth, resolvePoints, type SubmissionInput } from '../submission-body';
import { checkTarget, toApiSummary } from '../summaries';
import { assertRecordTexts } from '../text-limits';
import { readXlsxSubmission } from '../xlsx-submission';

const JSON_TYPE = 'application/json';

export async function postSubmission(request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> {
  const repo = getRepository();
  const principal = principalOf(request);
  const type = (request.headers.get('content-type') ?? JSON_TYPE).split(';')[0].trim().toLowerCase();
  let input: SubmissionInput;
  let payload: Payload;
  let campaign: Campaign;
  if (type === XLSX_CONTENT_TYPE) {
    const campaignId = requireId(request.query.get('campaignId'), 'campaignId');
    const provinceId = requireId(request.query.get('provinceId'), 'provinceId');
    const month = requireMonth(request.query.get('month'), 'month');
    assertProvinceAccess(principal, provinceId);
    campaign = await loadCampaign(repo, campaignId);
    checkTarget(campaign, provinceId, month);
    const bytes = await readBytes(request, LIMITS.xlsxBytes);
    input = await readXlsxSubmission(bytes, campaign, {
      provinceId,
      month,
      file: optionalName(request.query.get('file'), 'file'),
      sheet: optionalName(request.query.get('sheet'), 'sheet'),
    });
    payload = { bytes, contentType: XLSX_CONTENT_TYPE, extension: 'xlsx' };
  } else if (type === JSON_TYPE) {
    const { value, bytes } = await readJson(request, LIMITS.jsonBytes);
    const parsed = parseSubmissionJson(value);
    assertProvinceAccess(principal, parsed.provinceId);
    campaign = await loadCampaign(repo, parsed.campaignId);
    checkTarget(campaign, parsed.provinceId, parsed.month);
    input = { ...parsed, records: resolvePoints(parsed.records, campaign) };
    assertRecordTexts(input.records);
    payload = { bytes, contentType: JSON_TYPE, extension: 'json' };
  } else {
    throw unsupportedMedia(
      `不支持的内容类型「${type}」：请以 JSON（application/json）或 .xlsx（${XLSX_CONTENT_TYPE}）报送。`,
      `Unsupported content type "${type}": submit JSON (application/json) or .xlsx (${XLSX_CONTENT_TYPE}).`,
      { contentType: type },
    );
  }
  const { summary, issues, duplicate } = await storeSubmission(repo, campaign, input, payload);
  context.log(`submission ${summary.submissionId} (${summary.recordCount} records)${duplicate ? ' duplicate' : ''}`);
  const body: SubmissionResponse = {
    submissionId: summary.submissionId,
    version: summary.version,
    recordCount: summary.recordCount,
    issues,
  };
  return duplicate ? ok({ ...body, duplicate: true }) : created(body);
}

export async function listSubmissions(request: HttpRequest): Promise<HttpResponseInit> {
  const repo = getRepository();
  const principal = principalOf(request);
  const campaign = await loadCampaign(repo, requireId(request.query.get('campaignId'), 'campaignId'));
  const asked = request.query.get('provinceId');
  const provinceIds = asked
    ? [requireId(asked, 'provinceId')]
    : principal.role === 'province'
      ? [principal.provinceId]
      : campaign.provinces.map((p) => p.id);
  for (const id of provinceIds) {
    assertProvinceAccess(principal, id);
    checkTarget(campaign, id);
  }
  const lists = await Promise.all(provinceIds.map((id) => repo.listSummaries(campaign.id, id)));
  const body: SubmissionListResponse = {
    campaignId: campaign.id,
    submissions: lists
      .flat()
      .sort((a, b) => b.submittedAt.localeCompare(a.submittedAt) || b.version - a.version)
      .map((s) => toApiSummary(s, campaign)),
  };
  return ok(body);
}

async function findSummary(request: HttpRequest) {
  const repo = getRepository();
  const id = request.params.id ?? '';
  // Ids we issue are short; a longer one could only fail as an over-long table key.
  const parsed = id.length <= 300 ? parseSubmissionId(id) : null;
  const shown = id.length > 120 ? `${id.slice(0, 120)}…` : id;
  const missing = notFound('submission-not-found', `找不到报送记录「${shown}」。`, `No submission "${shown}".`, { path: 'id', submissionId: shown });
  if (!parsed) throw missing;
  assertProvinceAccess(principalOf(request), parsed.provinceId);
  const campaign = await loadCampaign(repo, parsed.campaignId);
  const summary = await repo.getSummary(parsed.campaignId, parsed.provinceId, parsed.version);
  if (!summary) throw missing;
  return { repo, campaign, summary };
}

/** Issues are kept per (sheet, row); two records of one row carry the same ones, so list each row's once. */
function issuesOnce(stored: StoredRecord[]): Issue[] {
  const seen = new Set<string>();
  return stored.flatMap((s) => (seen.has(rowKey(s.record)) ? [] : (seen.add(rowKey(s.record)), s.issues)));
}

export async function getSubmission(request: HttpRequest): Promise<HttpResponseInit> {
  const { repo, campaign, summary } = await findSummary(request);
  const stored = await repo.readRecords(summary.submissionId);
  const body: SubmissionDetail = {
    ...toApiSummary(summary, campaign),
    records: stored.map((s) => s.record),
    issues: issuesOnce(stored),
  };
  return ok(body);
}

export async function getSubmissionOriginal(request: HttpRequest): Promise<HttpResponseInit> {
  const { repo, summary } = await findSummary(request);
  const bytes = await repo.getPayload(summary.payloadBlob);
  if (!bytes) {
    throw notFound('payload-not-found', '该版本的原始文件已不存在。', 'The original payload of this version is gone.', { submissionId: summary.submissionId });
  }
  const extension = summary.payloadType === XLSX_CONTENT_TYPE ? 'xlsx' : 'json';
  const name = summary.source?.file ?? `${summary.provinceId}-${summary.month}-v${summary.version}.${extension}`;
  return binary(new Uint8Array(bytes), summary.payloadType, name);
}
