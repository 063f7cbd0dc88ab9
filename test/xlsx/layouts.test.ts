// Tracker layouts that were read wrong (issue 10, part B), written as real .xlsx files and checked
// through the CLI's path.
import { DEFAULT_CAMPAIGN, type CheckReport, type ColumnMap } from '../../shared';
import { checkWorkbook } from '../../xlsx';
import { LAYOUT_CASES, type LayoutCase } from './layout-cases';
import { xlsxOf } from './workbooks';

async function checkCase(c: LayoutCase): Promise<CheckReport> {
  return checkWorkbook(await xlsxOf(c.sheets), DEFAULT_CAMPAIGN, { file: c.file ?? 'tracker.xlsx', asOf: '2017-12-31' });
}

function describeLayouts(cases: LayoutCase[]): void {
  describe.each(cases)('$label', (c) => {
    let report: CheckReport;
    beforeAll(async () => {
      report = await checkCase(c);
    });

    if (c.headerRow !== undefined) {
      it('finds the header row', () => expect(report.headerRow).toBe(c.headerRow));
    }
    if (c.columns !== undefined) {
      it('maps the columns', () => {
        for (const [field, letter] of Object.entries(c.columns!)) expect([field, report.columns[field as keyof ColumnMap]]).toEqual([field, letter]);
      });
    }

    it('reads each activity once, with its point, date and type', () => {
      expect(report.records.map((r) => ({ row: r.row, point: r.liaisonPointId, date: r.date, type: r.type }))).toEqual(
        c.records.map(({ row, point, date, type }) => ({ row, point, date, type })),
      );
      c.records.forEach((e, i) => {
        if (e.fields) expect(report.records[i]).toMatchObject(e.fields);
      });
    });

    it('reports the expected problems', () => {
      const codes = new Set(report.issues.map((i) => i.code));
      for (const code of c.codes ?? []) expect(codes).toContain(code);
      for (const code of c.notCodes ?? []) expect(codes).not.toContain(code);
      for (const want of c.issueCells ?? []) expect(report.issues.filter((i) => i.code === want.code).map((i) => i.cell)).toEqual([want.cell]);
    });
  });
}

describeLayouts(LAYOUT_CASES);
