// The whole product in one pass, against a running API: twelve provincial trackers written as
// .xlsx, uploaded as each province would, the aggregate pulled with the central key, and the
// monthly report written from it.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AggregateResponse, SubmissionResponse } from '../../shared/api';
import type { Campaign, IsoMonth } from '../../shared/types';
import { buildMonthlyReport, reportDocumentName, reportWorkbookName, type MonthlyReport } from '../../shared/report';
import { nextMonth, submissionDue } from '../../shared/calendar';
import { pad2 } from '../../shared/cells';
import { reportChartPngs } from '../../xlsx/chart-png';
import { writeMonthlyReportXlsx } from '../../xlsx/report';
import { writeMonthlyReportDocx } from '../../xlsx/report-docx';
import { useClock } from '../../functions/src/services';
import { planDemo, type DemoProvince } from './plan';
import { trackerFileName, trackerWorkbook } from './trackers';

import { XLSX_CONTENT_TYPE } from '../../shared/api';

export interface DemoOptions {
  baseUrl: string;
  keys: { central: string; provinces: Record<string, string> };
  campaign: Campaign;
  month: IsoMonth;
  /** Where the trackers (trackers/) and the report go. */
  outDir: string;
  log?: (line: string) => void;
}

export interface DemoResult {
  plan: DemoProvince[];
  submissions: Record<string, SubmissionResponse>;
  aggregate: AggregateResponse;
  report: MonthlyReport;
  trackerFiles: string[];
  reportFile: string;
  /** The same report as a Word document. */
  documentFile: string;
}

/** When a province's upload arrives: a few days into the next month, or after the due day if late. */
function arrival(province: DemoProvince, index: number, campaign: Campaign): string {
  const day = province.submission === 'late' ? campaign.submissionDueDay + 3 : 1 + (index % Math.max(1, campaign.submissionDueDay - 1));
  return `${nextMonth(province.trackerMonth)}-${pad2(day)}T02:${pad2(10 + index)}:00.000Z`;
}

async function call<T>(url: string, init: RequestInit, expected: number[]): Promise<T> {
  const response = await fetch(url, init);
  const text = await response.text();
  if (!expected.includes(response.status)) {
    throw new Error(`${init.method ?? 'GET'} ${url} → ${response.status}: ${text.slice(0, 500)}`);
  }
  return JSON.parse(text) as T;
}

export async function runDemo(options: DemoOptions): Promise<DemoResult> {
  const { baseUrl, keys, campaign, month, outDir } = options;
  const log = options.log ?? (() => undefined);
  const api = `${baseUrl}/api`;
  const trackerDir = join(outDir, 'trackers');
  await mkdir(trackerDir, { recursive: true });

  const plan = planDemo(campaign, month);
  const submissions: Record<string, SubmissionResponse> = {};
  const trackerFiles: string[] = [];
  for (const [index, province] of plan.entries()) {
    const bytes = await trackerWorkbook(province, campaign);
    const file = join(trackerDir, trackerFileName(province.provinceId, campaign));
    await writeFile(file, bytes);
    trackerFiles.push(file);
    const query = new URLSearchParams({ campaignId: campaign.id, provinceId: province.provinceId, month: province.trackerMonth });
    const at = arrival(province, index, campaign);
    // The API runs in this process: stamp the upload with its 2017 arrival, or every one would be late.
    useClock(() => new Date(at));
    try {
      submissions[province.provinceId] = await call<SubmissionResponse>(
        `${api}/submissions?${query}`,
        { method: 'POST', headers: { 'content-type': XLSX_CONTENT_TYPE, 'x-api-key': keys.provinces[province.provinceId] }, body: bytes },
        [200, 201],
      );
    } finally {
      useClock(null);
    }
    const s = submissions[province.provinceId];
    log(`  ${province.provinceId.padEnd(13)} ${province.trackerMonth} 台账 ${s.recordCount} 条，问题 ${s.issues.length} 个，报送于 ${at.slice(0, 10)}`);
  }

  const query = new URLSearchParams({ campaignId: campaign.id, month });
  const aggregate = await call<AggregateResponse>(`${api}/aggregate?${query}`, { headers: { 'x-api-key': keys.central } }, [200]);
  // The office writes the report the day after the month's trackers were due.
  const generatedAt = `${submissionDue(month, campaign.submissionDueDay + 1)}T01:00:00.000Z`;
  const report = buildMonthlyReport(aggregate, campaign, { generatedAt });
  const reportFile = join(outDir, reportWorkbookName(month));
  const documentFile = join(outDir, reportDocumentName(month));
  const charts = reportChartPngs(report);
  await writeFile(reportFile, await writeMonthlyReportXlsx(report, aggregate, campaign, charts));
  await writeFile(documentFile, await writeMonthlyReportDocx(report, charts));
  return { plan, submissions, aggregate, report, trackerFiles, reportFile, documentFile };
}
