// The demo pipeline on a real Azurite and the real local API: the report it writes must match the
// trackers it generated, and the report endpoint and CLI must give the same model.
import * as ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../cli/main';
import { DEFAULT_CAMPAIGN } from '../../shared';
import type { MonthlyReport } from '../../shared/report';
import type { TypeCode } from '../../shared/types';
import { runDemo, type DemoResult } from '../../scripts/demo/pipeline';
import type { DemoActivity } from '../../scripts/demo/plan';
import { startLocalStack, type TestStack } from '../support';

const campaign = DEFAULT_CAMPAIGN;
const MONTH = '2017-05';

/** What the plan says, worked out here without any of the product's code. */
function truth(result: DemoResult) {
  const counting: DemoActivity[] = result.plan.flatMap((p) => p.activities).filter((a) => a.counts && a.date <= '2017-05-31');
  const has = (pointId: string, types: TypeCode[]) => counting.some((a) => a.pointId === pointId && types.includes(a.type));
  const done = campaign.points.map((p) => [has(p.id, ['lecture']), has(p.id, ['symposium', 'branch-meeting']), has(p.id, ['veteran-visit'])]);
  const byType = (list: DemoActivity[]) => {
    const counts: Record<string, number> = {};
    for (const a of list) counts[a.type] = (counts[a.type] ?? 0) + 1;
    return counts;
  };
  return {
    pointsComplete: done.filter((d) => d.every(Boolean)).length,
    requirementsDone: done.flat().filter(Boolean).length,
    byRequirement: [0, 1, 2].map((i) => done.filter((d) => d[i]).length),
    complete: campaign.points.filter((_, i) => done[i].every(Boolean)).map((p) => p.id),
    monthByType: byType(counting.filter((a) => a.date.startsWith(MONTH))),
    cumulativeByType: byType(counting),
    monthTotal: counting.filter((a) => a.date.startsWith(MONTH)).length,
    cumulativeTotal: counting.length,
    refused: result.plan.flatMap((p) => p.activities).filter((a) => !a.counts).length,
    late: result.plan.filter((p) => p.submission === 'late').map((p) => p.provinceId),
    missing: result.plan.filter((p) => p.submission === 'missing').map((p) => p.provinceId),
  };
}

const nonZero = (report: MonthlyReport, key: 'month' | 'cumulative') =>
  Object.fromEntries(report.activities.byType.filter((t) => t[key] > 0).map((t) => [t.type, t[key]]));

describe('npm run demo, on Azurite', () => {
  let stack: TestStack;
  let dir: string;
  let result: DemoResult;

  beforeAll(async () => {
    stack = await startLocalStack();
    dir = await mkdtemp(join(tmpdir(), 'liaison-demo-'));
    result = await runDemo({ baseUrl: stack.baseUrl, keys: stack.keys, campaign, month: MONTH, outDir: dir });
  }, 120_000);

  afterAll(async () => {
    await stack?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('reads every generated row back from the uploaded trackers', () => {
    for (const province of result.plan) {
      expect(result.submissions[province.provinceId].recordCount).toBe(province.activities.length);
    }
  });

  it('reports the figures the trackers hold', () => {
    const t = truth(result);
    const { report } = result;
    expect(report.completion.pointsComplete).toBe(t.pointsComplete);
    expect(report.completion.requirementsDone).toBe(t.requirementsDone);
    expect(report.completion.byRequirement.map((r) => r.done)).toEqual(t.byRequirement);
    expect(report.points.filter((p) => p.complete).map((p) => p.liaisonPointId)).toEqual(t.complete);
    expect(report.activities.monthTotal).toBe(t.monthTotal);
    expect(report.activities.cumulativeTotal).toBe(t.cumulativeTotal);
    expect(nonZero(report, 'month')).toEqual(t.monthByType);
    expect(nonZero(report, 'cumulative')).toEqual(t.cumulativeByType);
    expect(report.errorRecords).toBe(t.refused);
    expect(report.late).toEqual(t.late);
    expect(report.notSubmitted).toEqual(t.missing);
    // The demo is meant to show every case: some complete, some not, one late, one missing.
    expect(t.pointsComplete).toBeGreaterThan(0);
    expect(t.pointsComplete).toBeLessThan(12);
    expect(t.late).toHaveLength(1);
    expect(t.missing).toHaveLength(1);
  });

  it('agrees with the completeness the aggregate API computed', () => {
    for (const point of result.aggregate.points) {
      const mine = result.report.points.find((p) => p.liaisonPointId === point.liaisonPointId)!;
      expect([mine.liaisonPointId, mine.complete]).toEqual([point.liaisonPointId, point.complete]);
    }
  });

  it('writes the Word report beside the workbook', async () => {
    expect(result.documentFile).toMatch(/联系点工作月报_2017年05月\.docx$/);
    const parts = unzipSync(new Uint8Array(await readFile(result.documentFile)));
    expect(Object.keys(parts).filter((n) => n.startsWith('word/media/'))).toHaveLength(3);
  });

  it('writes the report workbook with those figures', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await readFile(result.reportFile)) as unknown as ExcelJS.Buffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['2017年05月月报', '汇总', '完成情况', '报送情况']);
    const sheet = workbook.getWorksheet('2017年05月月报')!;
    let found = false;
    sheet.eachRow((row) => {
      if (row.getCell(2).value !== '完成全部规定动作的联系点') return;
      found = true;
      expect([row.getCell(3).value, row.getCell(4).value]).toEqual([truth(result).pointsComplete, 12]);
    });
    expect(found).toBe(true);
    // One row per record, plus one for each further problem of a record.
    const further = result.aggregate.records.reduce((n, r) => n + Math.max(0, r.issues.length - 1), 0);
    expect(workbook.getWorksheet('汇总')!.rowCount).toBe(2 + result.aggregate.records.length + further);
    workbook.eachSheet((s) => s.eachRow((row) => row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula))));
  });

  describe('GET /api/reports/monthly', () => {
    const url = (query: Record<string, string>) => `${stack.baseUrl}/api/reports/monthly?${new URLSearchParams(query)}`;

    it('answers the same model as JSON', async () => {
      const response = await fetch(url({ campaignId: campaign.id, month: MONTH, format: 'json', remarks: '办公室意见' }), {
        headers: { 'x-api-key': stack.keys.central },
      });
      expect(response.status).toBe(200);
      const body = (await response.json()) as MonthlyReport;
      expect({ ...body, generatedAt: '', narrative: [], remarks: null }).toEqual({ ...result.report, generatedAt: '', narrative: [], remarks: null });
      expect(body.remarks).toBe('办公室意见');
      expect(body.narrative.map((s) => s.paragraphs)).toEqual(result.report.narrative.map((s) => s.paragraphs));
    });

    it('answers the workbook as .xlsx with its file name', async () => {
      const response = await fetch(url({ campaignId: campaign.id, month: MONTH, format: 'xlsx' }), { headers: { 'x-api-key': stack.keys.central } });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('spreadsheetml');
      expect(decodeURIComponent(response.headers.get('content-disposition') ?? '')).toContain('联系点工作月报_2017年05月.xlsx');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as unknown as ExcelJS.Buffer);
      expect(workbook.worksheets[0].name).toBe('2017年05月月报');
    });

    it('answers the Word report as .docx with its file name and charts', async () => {
      const response = await fetch(url({ campaignId: campaign.id, month: MONTH, format: 'docx' }), { headers: { 'x-api-key': stack.keys.central } });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('wordprocessingml');
      expect(decodeURIComponent(response.headers.get('content-disposition') ?? '')).toContain('联系点工作月报_2017年05月.docx');
      const parts = unzipSync(new Uint8Array(await response.arrayBuffer()));
      expect(Object.keys(parts).filter((n) => n.startsWith('word/media/'))).toHaveLength(3);
      expect(strFromU8(parts['word/document.xml'])).toContain(result.report.narrative[1].paragraphs[0].slice(0, 20));
    });

    it.each([
      [{ campaignId: campaign.id, month: MONTH, format: 'pdf' }, 'central', 400, 'format-invalid'],
      [{ campaignId: campaign.id, month: '2017-5', format: 'json' }, 'central', 400, undefined],
      [{ campaignId: campaign.id, month: MONTH }, 'guizhou', 403, undefined],
      [{ campaignId: campaign.id, month: MONTH }, 'none', 401, undefined],
    ])('refuses %o with the %s key: %i', async (query, who, status, code) => {
      const key = who === 'central' ? stack.keys.central : who === 'none' ? '' : stack.keys.provinces[who];
      const response = await fetch(url(query), { headers: key ? { 'x-api-key': key } : {} });
      expect(response.status).toBe(status);
      const body = (await response.json()) as { error: { code: string; message: string } };
      expect(body.error.message).toMatch(/[\u4e00-\u9fff]/);
      if (code) expect(body.error.code).toBe(code);
    });
  });

  describe('liaison-tracker report', () => {
    const run = async (argv: string[]) => {
      let out = '';
      let err = '';
      const code = await runCli(argv, { stdout: { write: (t: string) => (out += t) }, stderr: { write: (t: string) => (err += t) }, cwd: dir });
      return { code, out, err };
    };

    it('downloads the report workbook', async () => {
      const { code, out } = await run(['report', '--month', MONTH, '--out', 'cli.xlsx', '--api', stack.baseUrl, '--key', stack.keys.central]);
      expect(code).toBe(0);
      expect(out).toContain('cli.xlsx');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load((await readFile(join(dir, 'cli.xlsx'))) as unknown as ExcelJS.Buffer);
      expect(workbook.worksheets.map((w) => w.name)).toContain('2017年05月月报');
    });

    it('downloads the Word report for a .docx name', async () => {
      const { code, out } = await run(['report', '--month', MONTH, '--out', '月报.docx', '--api', stack.baseUrl, '--key', stack.keys.central]);
      expect(code).toBe(0);
      expect(out).toContain('月报.docx');
      const parts = unzipSync(new Uint8Array(await readFile(join(dir, '月报.docx'))));
      expect(parts['word/document.xml']).toBeDefined();
    });

    it('saves the JSON model for a .json name', async () => {
      expect((await run(['report', '--month', MONTH, '--out', 'cli.json', '--api', stack.baseUrl, '--key', stack.keys.central])).code).toBe(0);
      const report = JSON.parse(await readFile(join(dir, 'cli.json'), 'utf8')) as MonthlyReport;
      expect(report.completion).toEqual(result.report.completion);
    });

    it.each([
      [['--month', '2017-5', '--out', 'x.xlsx'], '格式不正确'],
      [['--out', 'x.xlsx'], '缺少选项 --month'],
      [['--month', MONTH, '--out', 'x.xlsx', '--key', 'wrong'], '接口返回错误 401'],
      [['--month', MONTH, '--out', 'x.xlsx', '--api', 'http://127.0.0.1:9'], '无法连接接口'],
    ])('exits 2 with a reason: %j', async (extra, message) => {
      const argv = extra.includes('--api') ? extra : [...extra, '--api', stack.baseUrl];
      const withKey = argv.includes('--key') ? argv : [...argv, '--key', stack.keys.central];
      const { code, err } = await run(['report', ...withKey]);
      expect(code).toBe(2);
      expect(err).toContain(message);
    });

    it('without --key, explains where the key comes from', async () => {
      const { code, err } = await run(['report', '--month', MONTH, '--out', 'x.xlsx', '--api', stack.baseUrl]);
      expect(code).toBe(2);
      expect(err).toContain('.dev-keys.json');
    });
  });
});
