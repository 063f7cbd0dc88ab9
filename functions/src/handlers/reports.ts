// GET /api/reports/monthly?campaignId=…&month=YYYY-MM&format=json|xlsx|docx (central key): the monthly
// report built from the same aggregate as GET /api/aggregate, as its JSON model, a workbook or a Word document.
// POST the same with a JSON body `{ campaignId, month, format, remarks }` (fields of the body win
// over the query): 2,000 characters of Chinese remarks overflow any URL (Node's 16 KiB of headers).
import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import { buildMonthlyReport, reportDocumentName, reportWorkbookName } from '../../../shared/report';
import { DOCX_CONTENT_TYPE, XLSX_CONTENT_TYPE } from '../../../shared/api';
import { reportChartPngs } from '../../../xlsx/chart-png';
import { writeMonthlyReportXlsx } from '../../../xlsx/report';
import { writeMonthlyReportDocx } from '../../../xlsx/report-docx';
import { loadAggregate } from '../aggregate';
import { loadCampaignMonth } from '../campaigns';
import { readJson } from '../http/request-body';
import { badRequest, binary, ok } from '../http/responses';
import { LIMITS } from '../limits';
import { getRepository } from '../services';

const FORMATS = ['json', 'xlsx', 'docx'] as const;
type Format = (typeof FORMATS)[number];
/** The office's remarks: a few paragraphs. */
const MAX_REMARKS = 2000;

function requireFormat(value: string | null): Format {
  const format = value ?? 'json';
  if ((FORMATS as readonly string[]).includes(format)) return format as Format;
  throw badRequest(
    'format-invalid',
    `参数 format 的值「${format}」无效：应为 json、xlsx 或 docx。`,
    `Query parameter format "${format}" is invalid: use json, xlsx or docx.`,
    { path: 'format' },
  );
}

function optionalRemarks(value: string | null): string | undefined {
  if (value === null) return undefined;
  if (value.length > MAX_REMARKS) {
    throw badRequest(
      'remarks-too-long',
      `remarks（办公室意见）过长：最多 ${MAX_REMARKS} 字，现为 ${value.length} 字。`,
      `remarks is too long: at most ${MAX_REMARKS} characters, got ${value.length}.`,
      { path: 'remarks' },
    );
  }
  return value;
}

/** The query, with the string fields of a POSTed JSON body laid over it. */
async function parameters(request: HttpRequest): Promise<URLSearchParams> {
  const params = new URLSearchParams(request.query);
  if (request.method !== 'POST') return params;
  const { value } = await readJson(request, LIMITS.reportBodyBytes);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw badRequest('invalid-body', '请求体应为 JSON 对象，如 {"remarks": "…"}。', 'The body must be a JSON object such as {"remarks": "…"}.', { path: '（请求体）' });
  }
  for (const [name, field] of Object.entries(value as Record<string, unknown>)) {
    if (typeof field === 'string') params.set(name, field);
    else if (field !== null && field !== undefined) {
      throw badRequest('invalid-body', `字段 ${name} 应为字符串。`, `Field ${name} must be a string.`, { path: name });
    }
  }
  return params;
}

export async function getMonthlyReport(request: HttpRequest): Promise<HttpResponseInit> {
  const repo = getRepository();
  const params = await parameters(request);
  const format = requireFormat(params.get('format'));
  const remarks = optionalRemarks(params.get('remarks'));
  const { campaign, month } = await loadCampaignMonth(repo, params);
  const aggregate = await loadAggregate(repo, campaign, month);
  const report = buildMonthlyReport(aggregate, campaign, { remarks });
  if (format === 'json') return ok(report);
  const charts = reportChartPngs(report);
  if (format === 'docx') return binary(await writeMonthlyReportDocx(report, charts), DOCX_CONTENT_TYPE, reportDocumentName(month));
  return binary(await writeMonthlyReportXlsx(report, aggregate, campaign, charts), XLSX_CONTENT_TYPE, reportWorkbookName(month));
}
