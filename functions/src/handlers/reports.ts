// GET /api/reports/monthly?campaignId=…&month=YYYY-MM&format=json|xlsx|docx (central key): the monthly
// report built from the same aggregate as GET /api/aggregate, as its JSON model, a workbook or a Word document.
import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import { buildMonthlyReport, reportDocumentName, reportWorkbookName } from '../../../shared/report';
import { DOCX_CONTENT_TYPE, XLSX_CONTENT_TYPE } from '../../../shared/api';
import { reportChartPngs } from '../../../xlsx/chart-png';
import { writeMonthlyReportXlsx } from '../../../xlsx/report';
import { writeMonthlyReportDocx } from '../../../xlsx/report-docx';
import { loadAggregate } from '../aggregate';
import { loadCampaignMonth } from '../campaigns';
import { badRequest, binary, ok } from '../http/responses';
import { getRepository } from '../services';

const FORMATS = ['json', 'xlsx', 'docx'] as const;
type Format = (typeof FORMATS)[number];
/** The office's remarks travel in the query string: keep them to a few paragraphs. */
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
      `参数 remarks（办公室意见）过长：最多 ${MAX_REMARKS} 字，现为 ${value.length} 字。`,
      `Query parameter remarks is too long: at most ${MAX_REMARKS} characters, got ${value.length}.`,
      { path: 'remarks' },
    );
  }
  return value;
}

export async function getMonthlyReport(request: HttpRequest): Promise<HttpResponseInit> {
  const repo = getRepository();
  const format = requireFormat(request.query.get('format'));
  const remarks = optionalRemarks(request.query.get('remarks'));
  const { campaign, month } = await loadCampaignMonth(repo, request.query);
  const aggregate = await loadAggregate(repo, campaign, month);
  const report = buildMonthlyReport(aggregate, campaign, { remarks });
  if (format === 'json') return ok(report);
  const charts = reportChartPngs(report);
  if (format === 'docx') return binary(await writeMonthlyReportDocx(report, charts), DOCX_CONTENT_TYPE, reportDocumentName(month));
  return binary(await writeMonthlyReportXlsx(report, aggregate, campaign), XLSX_CONTENT_TYPE, reportWorkbookName(month));
}
