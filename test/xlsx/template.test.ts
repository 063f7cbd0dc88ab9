import * as ExcelJS from 'exceljs';
import {
  DEFAULT_CAMPAIGN,
  FIELD_LABELS,
  INSTRUCTIONS_SHEET,
  LISTS_SHEET,
  TEMPLATE_COLUMNS,
  TEMPLATE_SHEET,
  TYPE_LABELS,
  columnLetter,
} from '../../shared';
import { buildTemplate, checkWorkbook } from '../../xlsx';
import { bytesOf, day, loaded } from './workbooks';

interface Validation {
  type: string;
  formulae: unknown[];
}

/** exceljs's loaded validations, keyed by range (its types leave this out). */
function validations(sheet: ExcelJS.Worksheet): Record<string, Validation> {
  return (sheet as unknown as { dataValidations: { model: Record<string, Validation> } }).dataValidations.model;
}

describe('buildTemplate', () => {
  let book: ExcelJS.Workbook;
  beforeAll(async () => {
    book = await loaded(await bytesOf(buildTemplate(DEFAULT_CAMPAIGN)));
  });

  it('has the tracker, the instructions and a hidden list sheet', () => {
    expect(book.worksheets.map((w) => [w.name, w.state])).toEqual([
      [TEMPLATE_SHEET, 'visible'],
      [INSTRUCTIONS_SHEET, 'visible'],
      [LISTS_SHEET, 'hidden'],
    ]);
  });

  it('holds an Excel table with our headers and a frozen header row', () => {
    const sheet = book.getWorksheet(TEMPLATE_SHEET)!;
    const headers = TEMPLATE_COLUMNS.map((_, i) => sheet.getCell(1, i + 1).value);
    expect(headers).toEqual(TEMPLATE_COLUMNS.map((k) => FIELD_LABELS[k].zh));
    const table = (sheet as unknown as { tables: Record<string, { table?: { tableRef?: string; ref?: string } }> }).tables;
    expect(Object.keys(table)).toEqual(['LiaisonTracker']);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });

  it('offers dropdowns of the point names and type labels from the list sheet, and formats dates', () => {
    const sheet = book.getWorksheet(TEMPLATE_SHEET)!;
    const lists = book.getWorksheet(LISTS_SHEET)!;
    const col = (key: (typeof TEMPLATE_COLUMNS)[number]): string => columnLetter(TEMPLATE_COLUMNS.indexOf(key));
    // exceljs gives the loaded validations cell by cell.
    const model = validations(sheet);
    const pointRef = String(model[`${col('liaisonPoint')}2`].formulae[0]);
    const typeRef = String(model[`${col('type')}500`].formulae[0]);
    expect(model[`${col('liaisonPoint')}2`].type).toBe('list');
    expect(model[`${col('type')}2000`].type).toBe('list');
    const listValues = (ref: string): unknown[] => {
      const [, from, to] = /!\$([A-Z]+\$\d+):\$([A-Z]+\$\d+)/.exec(ref) ?? [];
      const [c, r1] = from.split('$');
      const r2 = Number(to.split('$')[1]);
      return Array.from({ length: r2 - Number(r1) + 1 }, (_, i) => lists.getCell(`${c}${Number(r1) + i}`).value);
    };
    expect(listValues(pointRef)).toEqual(DEFAULT_CAMPAIGN.points.map((p) => p.name));
    expect(listValues(typeRef)).toContain(TYPE_LABELS.lecture.zh);
    expect(listValues(typeRef)).not.toContain(TYPE_LABELS.other.zh);
    expect(sheet.getColumn(TEMPLATE_COLUMNS.indexOf('date') + 1).numFmt).toBe('yyyy-mm-dd');
  });

  it('explains the requirements and lists the points in Chinese', () => {
    const text = book.getWorksheet(INSTRUCTIONS_SHEET)!.getColumn(1).values.join('\n');
    for (const r of DEFAULT_CAMPAIGN.requirements) expect(text).toContain(r.name);
    for (const p of DEFAULT_CAMPAIGN.points) expect(text).toContain(p.name);
  });

  it('reads back with zero issues once filled correctly through the dropdown values', async () => {
    const sheet = book.getWorksheet(TEMPLATE_SHEET)!;
    const put = (row: number, values: Partial<Record<(typeof TEMPLATE_COLUMNS)[number], ExcelJS.CellValue>>): void => {
      for (const [key, value] of Object.entries(values)) sheet.getCell(row, TEMPLATE_COLUMNS.indexOf(key as never) + 1).value = value;
    };
    const point = DEFAULT_CAMPAIGN.points[9];
    const base = { liaisonPoint: point.name, leader: '张三', participants: 50, filledBy: '小王' };
    put(2, { ...base, date: day('2017-03-15'), type: TYPE_LABELS.lecture.zh, title: '不忘合作初心', publication: '《会刊》第3期' });
    put(3, { ...base, date: day('2017-04-02'), type: TYPE_LABELS['branch-meeting'].zh, title: '支部生活会' });
    put(4, { ...base, date: day('2017-05-06'), type: TYPE_LABELS['veteran-visit'].zh, title: '看望老会员' });
    put(5, { ...base, date: day('2017-06-01'), type: TYPE_LABELS['self-chosen'].zh, title: '自选' });
    const report = await checkWorkbook(await bytesOf(book), DEFAULT_CAMPAIGN, { file: 't.xlsx' });
    expect(report.sheet).toBe(TEMPLATE_SHEET);
    expect(report.headerRow).toBe(1);
    expect(report.issues).toEqual([]);
    expect(report.records.map((r) => r.type)).toEqual(['lecture', 'branch-meeting', 'veteran-visit', 'self-chosen']);
    expect(report.completeness).toMatchObject([{ liaisonPointId: point.id, complete: true, missing: [] }]);
  });
});
