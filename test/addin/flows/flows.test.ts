// The pane's flows on the in-memory workbook, with messy trackers built as real .xlsx files and
// every result read back from the saved file with exceljs.
import * as ExcelJS from 'exceljs';
import {
  addActivity,
  check,
  connect,
  createTracker,
  pullAggregate,
  saveMapping,
  submissionRequest,
  validateActivity,
  writeMonthlyReport,
} from '../../../addin/flows';
import { MemoryWorkbook } from '../../../addin/workbook/memory-workbook';
import type { AggregateResponse } from '../../../shared/api';
import { DEFAULT_CAMPAIGN, HIGHLIGHT, STATUS_SHEET_NAME } from '../../../shared';
import { buildMonthlyReport, RECORDS_SHEET_NAME, SUBMISSIONS_SHEET_NAME } from '../../../shared/report';
import type { CellValue, CheckReport } from '../../../shared/types';
import { MONTHLY_SHEETS, xlsxOf } from '../../xlsx/workbooks';

const USER_FILL = 'FFFFFF00';
const campaign = DEFAULT_CAMPAIGN;

/** A province's own tracker: title and note rows, traditional headers on row 3, short point names. */
async function messyTracker(rows: CellValue[][]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('封面').getCell('A1').value = '北京市民进 2017 年联系点工作';
  const sheet = workbook.addWorksheet('海淀台账');
  sheet.getCell('A1').value = '民進北京市海淀區委員會聯繫點工作台賬（2017年）';
  sheet.mergeCells('A1:F1');
  const header = ['聯繫點', '活動時間', '活動形式', '參加領導', '活動主題', '刊發情況'];
  header.forEach((h, c) => (sheet.getCell(3, c + 1).value = h));
  rows.forEach((row, r) => row.forEach((v, c) => v !== null && v !== undefined && (sheet.getCell(4 + r, c + 1).value = v)));
  sheet.getCell(4 + rows.length + 1, 1).value = '填表说明：每次活动填写一行。';
  // The user's own highlights: one on a cell the checker will flag, one elsewhere.
  for (const address of ['B5', 'D4']) {
    const cell = sheet.getCell(address);
    cell.style = { ...cell.style, fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: USER_FILL } } };
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

const ROWS: CellValue[][] = [
  ['海淀', new Date(Date.UTC(2017, 2, 15)), '举办专题讲座', '张三', '不忘合作初心，继续携手前进', '《北京民进》第3期'],
  ['海淀区', '2016年12月3日', '召开座谈会', '张三', '座谈交流', null],
  ['民进海淀区委', '2017年5月8日', '看望慰问老同志、老会员', '', '走访慰问', null],
];

async function reopen(port: MemoryWorkbook): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await port.save()) as unknown as ExcelJS.Buffer);
  return workbook;
}

function fillOf(cell: ExcelJS.Cell): string | null {
  const fill = cell.fill;
  return fill?.type === 'pattern' && fill.pattern === 'solid' ? (fill.fgColor?.argb ?? null) : null;
}

function noteOf(cell: ExcelJS.Cell): string | null {
  const note = cell.note;
  if (!note) return null;
  return typeof note === 'string' ? note : (note.texts ?? []).map((t) => t.text).join('');
}

const argb = (hex: string) => `FF${hex.slice(1).toUpperCase()}`;

describe('connect', () => {
  it('finds the tracker on its sheet with the header on row 3', async () => {
    const port = await MemoryWorkbook.open(await messyTracker(ROWS));
    const connection = await connect(port, campaign);
    expect(connection).toMatchObject({ sheet: '海淀台账', headerRow: 3, recordCount: 3, saved: false });
    expect(connection!.columns).toMatchObject({ liaisonPoint: 'A', date: 'B', type: 'C', leader: 'D', title: 'E', publication: 'F' });
    expect(connection!.headers.B).toBe('活動時間');
  });

  it('returns null when there is no tracker, so the pane offers the template', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Sheet1').getCell('A1').value = '预算表';
    const port = await MemoryWorkbook.open(new Uint8Array(await workbook.xlsx.writeBuffer()));
    expect(await connect(port, campaign)).toBeNull();
  });

  it('honours the mapping the user saved, which travels in the file', async () => {
    const port = await MemoryWorkbook.open(await messyTracker(ROWS));
    const found = await connect(port, campaign);
    // The user says column E is the summary, not the title.
    const columns = { ...found!.columns, summary: 'E' };
    delete columns.title;
    await saveMapping(port, { sheet: found!.sheet, headerRow: found!.headerRow, columns });
    const again = await connect(await MemoryWorkbook.open(await port.save()), campaign);
    expect(again).toMatchObject({ saved: true, columns: { summary: 'E' } });
    expect(again!.columns.title).toBeUndefined();
  });

  it('refuses a mapping that names a column badly, in both languages', async () => {
    const port = await MemoryWorkbook.open(await messyTracker(ROWS));
    await expect(saveMapping(port, { sheet: '海淀台账', headerRow: 3, columns: { date: 'b2' } })).rejects.toMatchObject({
      code: 'mapping-invalid',
      messageEn: expect.stringContaining('columns.date'),
    });
  });
});

describe('check', () => {
  it('fills and notes the problem cells and writes the 完成情况 sheet', async () => {
    const port = await MemoryWorkbook.open(await messyTracker(ROWS));
    const phases = new Set<string>();
    const outcome = await check(port, campaign, { asOf: '2017-12-31', onProgress: (p) => phases.add(p.phase) });
    expect([...phases]).toEqual(['read', 'check', 'annotate', 'write']);
    const dateIssue = outcome.report.issues.find((i) => i.code === 'date-out-of-period');
    expect(dateIssue).toMatchObject({ row: 5, cell: 'B5', severity: 'error' });
    const leaderIssue = outcome.report.issues.find((i) => i.code === 'leader-missing');
    expect(leaderIssue).toMatchObject({ row: 6, cell: 'D6', severity: 'warning' });

    const book = await reopen(port);
    const sheet = book.getWorksheet('海淀台账')!;
    expect(fillOf(sheet.getCell('B5'))).toBe(argb(HIGHLIGHT.error.fill!));
    expect(noteOf(sheet.getCell('B5'))).toContain('2016年12月3日');
    expect(fillOf(sheet.getCell('D6'))).toBe(argb(HIGHLIGHT.warning.fill!));
    expect(fillOf(sheet.getCell('B4'))).toBeNull();
    expect(fillOf(sheet.getCell('D4'))).toBe(USER_FILL);

    const status = book.getWorksheet(STATUS_SHEET_NAME)!;
    expect(status).toBeDefined();
    const texts = status.getSheetValues().flat().filter((v): v is string => typeof v === 'string');
    expect(texts).toContain('民进北京市海淀区委员会');
    // The symposium was out of period: that requirement is still missing.
    expect(texts).toContain('未完成');
    expect(outcome.statusSheet).toBe(STATUS_SHEET_NAME);
    expect(outcome.report.completeness[0].missing).toEqual(['symposium-or-branch-meeting']);
  });

  it('after the user fixes the tracker, a second check clears the highlights and gives the user fill back', async () => {
    const port = await MemoryWorkbook.open(await messyTracker(ROWS));
    await check(port, campaign, { asOf: '2017-12-31' });
    const saved = await reopen(port);
    const sheet = saved.getWorksheet('海淀台账')!;
    sheet.getCell('B5').value = '2017年4月2日';
    sheet.getCell('D6').value = '张三';
    const fixed = await MemoryWorkbook.open(new Uint8Array(await saved.xlsx.writeBuffer()));

    const outcome = await check(fixed, campaign, { asOf: '2017-12-31' });
    expect(outcome.report.issues).toEqual([]);
    expect(outcome.annotations).toEqual({ painted: 0, cleared: 2 });
    expect(outcome.report.completeness[0]).toMatchObject({ complete: true, missing: [] });
    const book = await reopen(fixed);
    const tracker = book.getWorksheet('海淀台账')!;
    expect(fillOf(tracker.getCell('B5'))).toBe(USER_FILL);
    expect(noteOf(tracker.getCell('B5'))).toBeNull();
    expect(fillOf(tracker.getCell('D6'))).toBeNull();
    expect(noteOf(tracker.getCell('D6'))).toBeNull();
    expect(fillOf(tracker.getCell('D4'))).toBe(USER_FILL);
  });

  it('stops when cancelled, before writing anything', async () => {
    const port = await MemoryWorkbook.open(await messyTracker(ROWS));
    const controller = new AbortController();
    controller.abort();
    await expect(check(port, campaign, { signal: controller.signal })).rejects.toMatchObject({ code: 'cancelled' });
    expect(await port.sheetNames()).not.toContain(STATUS_SHEET_NAME);
  });

  it('says so when the workbook has no tracker', async () => {
    const port = MemoryWorkbook.fromTemplate(campaign);
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Sheet1');
    const empty = await MemoryWorkbook.open(new Uint8Array(await workbook.xlsx.writeBuffer()));
    await expect(check(empty, campaign)).rejects.toMatchObject({ code: 'no-tracker' });
    // The empty template has headers and no records: a tracker with nothing in it yet.
    await expect(check(port, campaign, { asOf: '2017-06-30' })).resolves.toMatchObject({ report: { records: [] } });
  });
});

describe('check over a sheet per month', () => {
  it('reads every month, annotates each sheet\'s own cells, and clears them once fixed', async () => {
    const port = await MemoryWorkbook.open(await xlsxOf(MONTHLY_SHEETS));
    const annotated = new Set<string>();
    const outcome = await check(port, campaign, { asOf: '2017-12-31', onProgress: (p) => p.phase === 'annotate' && annotated.add(p.sheet ?? '') });
    expect([...annotated]).toEqual(['1月', '2月', '3月']);
    expect(outcome.report.records).toHaveLength(5);
    expect(outcome.report.issues.map((i) => [i.sheet, i.cell, i.severity])).toEqual([
      ['2月', 'C3', 'error'],
      ['3月', 'D2', 'warning'],
    ]);
    // 2月's error on row 3 leaves 3月's veteran visit on row 3 counting.
    expect(outcome.report.completeness[0]).toMatchObject({ liaisonPointId: 'guizhou-bijie', complete: true });
    expect(outcome.annotations).toEqual({ painted: 2, cleared: 0 });

    const book = await reopen(port);
    const [jan, feb, mar] = ['1月', '2月', '3月'].map((name) => book.getWorksheet(name)!);
    expect(fillOf(feb.getCell('C3'))).toBe(argb(HIGHLIGHT.error.fill!));
    expect(noteOf(feb.getCell('C3'))).toContain('工作表「2月」第3行 C3');
    expect(fillOf(mar.getCell('D2'))).toBe(argb(HIGHLIGHT.warning.fill!));
    for (const [sheet, cell] of [[mar, 'C3'], [jan, 'C3'], [feb, 'D2']] as const) expect(fillOf(sheet.getCell(cell))).toBeNull();

    feb.getCell('C3').value = '2017-02-20';
    mar.getCell('D2').value = '王五';
    const fixed = await MemoryWorkbook.open(new Uint8Array(await book.xlsx.writeBuffer()));
    const again = await check(fixed, campaign, { asOf: '2017-12-31' });
    expect(again.report.issues).toEqual([]);
    expect(again.annotations).toEqual({ painted: 0, cleared: 2 });
    const cleared = await reopen(fixed);
    expect(fillOf(cleared.getWorksheet('2月')!.getCell('C3'))).toBeNull();
    expect(noteOf(cleared.getWorksheet('3月')!.getCell('D2'))).toBeNull();
  });
});

describe('createTracker', () => {
  it('twice is the same as once', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Sheet1').getCell('A1').value = '别的内容';
    const port = await MemoryWorkbook.open(new Uint8Array(await workbook.xlsx.writeBuffer()));
    const first = await createTracker(port, campaign);
    const afterFirst = (await reopen(port)).worksheets.map((w) => [w.name, w.state]);
    const second = await createTracker(port, campaign);
    const afterSecond = (await reopen(port)).worksheets.map((w) => [w.name, w.state]);
    expect(first).toMatchObject({ sheet: '台账', created: true });
    expect(second).toMatchObject({ sheet: '台账', created: false });
    expect(afterSecond).toEqual(afterFirst);
    expect(afterFirst.map(([name]) => name)).toEqual(expect.arrayContaining(['Sheet1', '台账']));
    const connection = await connect(port, campaign);
    expect(connection).toMatchObject({ sheet: '台账', headerRow: 1, recordCount: 0 });
  });
});

describe('addActivity', () => {
  it('says what the checker would say, and appends nothing while there are errors', async () => {
    const port = await MemoryWorkbook.open(await messyTracker(ROWS));
    const connection = (await connect(port, campaign))!;
    const input = { liaisonPoint: '海淀', date: '2016-05-01', type: '座谈会', leader: '张三', title: '座谈' };
    const result = await addActivity(port, campaign, connection, input);
    expect(result.appended).toBe(false);
    // Right below the last record (row 6), above the note further down.
    expect(result.row).toBe(7);
    expect(result.issues).toEqual([expect.objectContaining({ code: 'date-out-of-period', cell: 'B7', severity: 'error' })]);
    const [grid] = await port.readGrids(['海淀台账']);
    expect((grid.grid[6] ?? []).every((v) => v === null || v === undefined)).toBe(true);
  });

  it('appends a good row that the next check reads without a problem', async () => {
    const port = MemoryWorkbook.fromTemplate(campaign);
    const connection = (await connect(port, campaign))!;
    const input = { liaisonPoint: '海淀', date: '2017年6月1日', type: '参加支部生活会', leader: '张三', title: '支部生活会', participants: '25' };
    expect(validateActivity(input, connection, campaign, 2)).toEqual([]);
    const result = await addActivity(port, campaign, connection, input);
    expect(result).toEqual({ issues: [], appended: true, row: 2 });
    // The reader takes a type it cannot read from the title, so the title is no activity either.
    const second = await addActivity(port, campaign, connection, { ...input, date: '2017-06-02', type: '=cmd|x', title: '=SUM(A1)' });
    expect(second.row).toBe(3);
    expect(second.issues.map((i) => i.code)).toContain('type-unrecognised');

    const book = await reopen(port);
    const sheet = book.getWorksheet('台账')!;
    expect(sheet.getCell('A2').value).toBe('民进北京市海淀区委员会');
    expect(sheet.getCell('B2').value).toEqual(new Date(Date.UTC(2017, 5, 1)));
    expect(sheet.getCell('C2').value).toBe('支部生活会');
    expect(sheet.getCell('F2').value).toBe(25);
    expect(sheet.getCell('C3').type).toBe(ExcelJS.ValueType.String);
    expect(sheet.getCell('E3').type).toBe(ExcelJS.ValueType.String);
    const outcome = await check(port, campaign, { asOf: '2017-12-31' });
    expect(outcome.report.records.map((r) => r.type)).toEqual(['branch-meeting', 'other']);
    expect(outcome.report.issues.filter((i) => i.severity === 'error')).toEqual([]);
  });
});

function aggregateFrom(report: CheckReport, provinceId: string, month: string): AggregateResponse {
  return {
    campaignId: campaign.id,
    month,
    asOf: `${month}-31`,
    points: report.completeness.map((p) => ({ ...p, provinceName: campaign.provinces.find((q) => q.id === p.provinceId)!.name })),
    provinces: campaign.provinces.map((p) => ({
      provinceId: p.id,
      name: p.name,
      submitted: p.id === provinceId,
      version: p.id === provinceId ? 1 : null,
      submittedAt: p.id === provinceId ? `${month}-28T08:00:00Z` : null,
      late: false,
    })),
    records: report.records.map((r) => ({ ...r, provinceId, submissionId: 's1', issues: report.issues.filter((i) => i.row === r.row) })),
    countsByType: {},
  };
}

describe('submit and the central office', () => {
  it('builds the submission from the checked tracker', async () => {
    const port = await MemoryWorkbook.open(await messyTracker(ROWS));
    const { report } = await check(port, campaign, { asOf: '2017-12-31', file: '北京台账.xlsx' });
    const request = submissionRequest(report, { campaignId: campaign.id, provinceId: 'beijing', month: '2017-05' });
    expect(request).toEqual({
      campaignId: '2017-batch-4',
      provinceId: 'beijing',
      month: '2017-05',
      records: report.records,
      source: { file: '北京台账.xlsx', sheet: '海淀台账' },
      // Issue 13 item 3: without the columns the server's issues lost their cell references.
      columns: report.columns,
    });
  });

  it('pulls the aggregate into 汇总, 完成情况 and 报送情况, replacing the previous pull', async () => {
    const tracker = await MemoryWorkbook.open(await messyTracker(ROWS));
    const { report } = await check(tracker, campaign, { asOf: '2017-12-31' });
    const central = await MemoryWorkbook.open(await messyTracker([]));
    const names = await pullAggregate(central, aggregateFrom(report, 'beijing', '2017-05'), campaign);
    expect(names).toEqual(expect.arrayContaining([RECORDS_SHEET_NAME, STATUS_SHEET_NAME, SUBMISSIONS_SHEET_NAME]));
    const first = (await reopen(central)).getWorksheet(RECORDS_SHEET_NAME)!.rowCount;

    const fewer = { ...report, records: report.records.slice(0, 1) };
    await pullAggregate(central, aggregateFrom(fewer, 'beijing', '2017-05'), campaign);
    const book = await reopen(central);
    expect(book.worksheets.filter((w) => w.name === RECORDS_SHEET_NAME)).toHaveLength(1);
    expect(book.getWorksheet(RECORDS_SHEET_NAME)!.rowCount).toBe(first - 2);
  });

  it('writes the monthly report sheet, once per month', async () => {
    const tracker = await MemoryWorkbook.open(await messyTracker(ROWS));
    const { report } = await check(tracker, campaign, { asOf: '2017-12-31' });
    const monthly = buildMonthlyReport(aggregateFrom(report, 'beijing', '2017-05'), campaign);
    const central = await MemoryWorkbook.open(await messyTracker([]));
    expect(await writeMonthlyReport(central, monthly)).toBe('2017年05月月报');
    await writeMonthlyReport(central, monthly);
    const book = await reopen(central);
    expect(book.worksheets.filter((w) => w.name === '2017年05月月报')).toHaveLength(1);
    const formulas: string[] = [];
    book.getWorksheet('2017年05月月报')!.eachRow((row) =>
      row.eachCell((cell) => cell.type === ExcelJS.ValueType.Formula && formulas.push(cell.address)),
    );
    expect(formulas).toEqual([]);
  });
});
