// POST /api/submissions[?dryRun=1][&confirm=<submissionId>], GET /api/submissions,
// GET /api/submissions/{id}[/original]
import type { HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';
import { rowKey, validateRecords, type Campaign, type Issue, type SubmissionDetail, type SubmissionListResponse, type SubmissionMonth, type SubmissionResponse } from '../../../shared';
import { formatByContentType, formatByName, GENERIC_CONTENT_TYPES, UPLOAD_FORMATS, type UploadFormat } from '../../../shared/upload-formats';
import { assertProvinceAccess, principalOf } from '../auth';
import { loadCampaign } from '../campaigns';
import { readBytes, readJson } from '../http/request-body';
import { badRequest, binary, created, notFound, ok, unsupportedMedia } from '../http/responses';
import { LIMITS } from '../limits';
import { getRepository } from '../services';
import { parseSubmissionId, type Principal, type Repository, type StoredRecord } from '../storage/repository';
import { contentHash, storeSubmission, type Payload } from '../store-submission';
import { buildPreview, diffView, replacedOf, snapshotToReplace } from '../submission-preview';
import { optionalName, parseSubmissionJson, requireId, requireMonth, resolvePoints, type SubmissionInput } from '../submission-body';
import { checkTarget, toApiSummary } from '../summaries';
import { assertRecordTexts } from '../text-limits';
import { readXlsxSubmission } from '../xlsx-submission';

const JSON_TYPE = 'application/json';

/** A tracker file upload: its format by `?format=`, else by content type; undefined for JSON. */
function uploadFormat(type: string, formatParam: string | null): UploadFormat | undefined {
  if (formatParam !== null) {
    const format = formatByName(formatParam);
    if (!format) {
      const names = UPLOAD_FORMATS.map((f) => f.format).join(', ');
      throw badRequest('format-invalid', `format 只能是 ${names} 之一。`, `format must be one of ${names}.`, { path: 'format', format: formatParam.slice(0, 40) });
    }
    return format;
  }
  return formatByContentType(type);
}

/** `dryRun=1` (or true): answer what the submission would do, store nothing. */
function dryRunOf(value: string | null): boolean {
  if (value === null || value === '0' || value === 'false') return false;
  if (value === '' || value === '1' || value === 'true') return true;
  throw badRequest('invalid-query', `参数 dryRun 的值「${value}」无效：应为 1 或 0。`, `Query parameter dryRun "${value}" is invalid: use 1 or 0.`, { path: 'dryRun' });
}

const submitterOf = (principal: Principal): string => (principal.role === 'central' ? 'central' : `province:${principal.provinceId}`);

async function readSubmission(request: HttpRequest, repo: Repository, principal: Principal): Promise<{ input: SubmissionInput; payload: Payload; campaign: Campaign }> {
  const type = (request.headers.get('content-type') ?? JSON_TYPE).split(';')[0].trim().toLowerCase();
  let input: SubmissionInput;
  let payload: Payload;
  let campaign: Campaign;
  const upload = type === JSON_TYPE ? undefined : uploadFormat(type, request.query.get('format'));
  if (upload) {
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
    // The original is stored as it came, under its format's own content type.
    payload = { bytes, contentType: upload.contentTypes[0], extension: upload.format };
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
    const generic = GENERIC_CONTENT_TYPES.includes(type);
    throw unsupportedMedia(
      generic
        ? `内容类型「${type}」需要用 ?format= 说明文件格式（${UPLOAD_FORMATS.map((f) => f.format).join('、')}）。`
        : `不支持的内容类型「${type}」：请以 JSON（application/json）或台账文件（.xlsx、.xls、.ods、.csv 的内容类型，或加 ?format=）报送。`,
      generic
        ? `Content type "${type}" needs ?format= to say the file's format (${UPLOAD_FORMATS.map((f) => f.format).join(', ')}).`
        : `Unsupported content type "${type}": submit JSON (application/json) or a tracker file (the content type of .xlsx, .xls, .ods, .csv, or ?format=).`,
      { contentType: type, formats: UPLOAD_FORMATS.map((f) => f.format) },
    );
  }
  return { input, payload, campaign };
}

export async function postSubmission(request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> {
  const repo = getRepository();
  const principal = principalOf(request);
  const dryRun = dryRunOf(request.query.get('dryRun'));
  const confirm = request.query.get('confirm');
  const { input, payload, campaign } = await readSubmission(request, repo, principal);
  if (dryRun) {
    const issues = validateRecords(input.records, campaign, input.columns, { provinceId: input.provinceId, parts: input.parts });
    return ok(buildPreview(campaign, input, issues, await snapshotToReplace(repo, input), contentHash(input)));
  }
  const { summary, issues, duplicate, replaced, diff } = await storeSubmission(repo, campaign, input, payload, {
    confirm,
    submittedBy: submitterOf(principal),
  });
  context.log(`submission ${summary.submissionId} (${summary.recordCount} records)${duplicate ? ' duplicate' : ''}`);
  const body: SubmissionResponse = {
    submissionId: summary.submissionId,
    version: summary.version,
    recordCount: summary.recordCount,
    issues,
    month: summary.month,
    late: toApiSummary(summary, campaign).late,
  };
  if (!duplicate) {
    body.replaces = replacedOf(replaced);
    if (diff) body.diff = diffView(diff);
  }
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
  const [lists, pointerLists] = await Promise.all([
    Promise.all(provinceIds.map((id) => repo.listSummaries(campaign.id, id))),
    Promise.all(provinceIds.map((id) => repo.listProvincePointers(campaign.id, id))),
  ]);
  const currentIds = new Set(pointerLists.flat().map((p) => p.submissionId));
  const submissions = lists
    .flat()
    .sort((a, b) => b.submittedAt.localeCompare(a.submittedAt) || b.version - a.version)
    .map((s) => ({ ...toApiSummary(s, campaign), current: currentIds.has(s.submissionId) }));
  const months = new Map<string, SubmissionMonth>();
  for (const s of [...submissions].sort((a, b) => b.version - a.version)) {
    const key = `${s.provinceId}~${s.month}`;
    const m = months.get(key) ?? { provinceId: s.provinceId, month: s.month, currentVersion: 0, versions: [] };
    m.versions.push(s.version);
    if (s.current) m.currentVersion = s.version;
    months.set(key, m);
  }
  const body: SubmissionListResponse = {
    campaignId: campaign.id,
    submissions,
    months: [...months.values()].sort((a, b) => a.provinceId.localeCompare(b.provinceId) || b.month.localeCompare(a.month)),
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
  const extension = formatByContentType(summary.payloadType)?.format ?? 'json';
  const name = summary.source?.file ?? `${summary.provinceId}-${summary.month}-v${summary.version}.${extension}`;
  return binary(new Uint8Array(bytes), summary.payloadType, name);
}
