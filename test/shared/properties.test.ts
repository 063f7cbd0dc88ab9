// Parsers meet arbitrary input in the field: they must answer, never throw.
import fc from 'fast-check';
import { checkTracker, classifyActivity, DEFAULT_CAMPAIGN, findHeaderRow, findTracker, matchLiaisonPoint, matchProvince, normalizeText, parseDate, readTracker } from '../../shared';
import type { CellValue, ColumnMap } from '../../shared';

const C = DEFAULT_CAMPAIGN;
const words = ['联系点', '日期', '活动时间', '类型', '活动形式', '主题', '参加领导', '人数', '合计', '注：', '海淀', '畢節', '2017.3.15', '3月15日', '专题讲座', '座谈会', '(lián)', '　', '=1+1', '序号'];

const cell: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constant(null),
  fc.constant(undefined),
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.constantFrom(...words),
  fc.double(),
  fc.integer({ min: 0, max: 80000 }),
  fc.boolean(),
  fc.date({ noInvalidDate: false }),
);
const grid = fc.array(fc.array(cell, { maxLength: 12 }), { maxLength: 40 });

describe('never throws', () => {
  test('readTracker / findHeaderRow / checkTracker on arbitrary grids', () => {
    fc.assert(
      fc.property(grid, (g) => {
        findHeaderRow(g);
        const read = readTracker(g, C);
        if (read) checkTracker(read, C, { file: 'x', allPoints: true });
      }),
      { numRuns: 400 },
    );
  });

  test('readTracker with arbitrary user mappings', () => {
    const letters = fc.constantFrom('A', 'B', 'C', 'Z', 'AA', '', '1', 'a');
    const mapping = fc.record({ liaisonPoint: letters, date: letters, type: letters }, { requiredKeys: [] }) as fc.Arbitrary<ColumnMap>;
    fc.assert(
      fc.property(grid, fc.option(fc.integer({ min: -2, max: 50 }), { nil: undefined }), mapping, (g, headerRow, columns) => {
        readTracker(g, C, { headerRow, columns });
      }),
      { numRuns: 300 },
    );
  });

  test('findTracker on arbitrary workbooks', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ name: fc.string(), grid }), { maxLength: 4 }), (sheets) => {
        findTracker(sheets, C);
      }),
      { numRuns: 150 },
    );
  });

  test('parseDate on anything a cell can hold', () => {
    fc.assert(
      fc.property(cell, fc.option(fc.integer({ min: -5000, max: 5000 }), { nil: undefined }), (v, defaultYear) => {
        const r = parseDate(v, { defaultYear });
        if (r.ok) expect(r.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }),
      { numRuns: 2000 },
    );
  });

  test('classifyActivity, matchLiaisonPoint, matchProvince, normalizeText on any text', () => {
    const text = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }), fc.constantFrom(...words));
    fc.assert(
      fc.property(text, (t) => {
        normalizeText(t);
        expect(typeof classifyActivity(t).recognised).toBe('boolean');
        matchLiaisonPoint(t, C);
        matchProvince(t, C);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('properties that hold for any date', () => {
  test('every calendar date of 1950–2100 reads back from its text forms', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date(Date.UTC(1950, 0, 1)), max: new Date(Date.UTC(2100, 11, 31)), noInvalidDate: true }), (d) => {
        const iso = d.toISOString().slice(0, 10);
        const [y, m, day] = iso.split('-').map(Number);
        for (const form of [iso, `${y}.${m}.${day}`, `${y}/${m}/${day}`, `${y}年${m}月${day}日`]) {
          expect(parseDate(form)).toEqual({ ok: true, date: iso });
        }
        expect(parseDate(new Date(Date.UTC(y, m - 1, day)))).toEqual({ ok: true, date: iso });
      }),
      { numRuns: 500 },
    );
  });
});
