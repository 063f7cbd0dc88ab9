// The layouts and date systems of issue 10 in files LibreOffice wrote: the reading must not depend
// on exceljs having written the file. (LibreOffice writes date1904="true", which exceljs alone
// reads as the 1900 system.)
import { DEFAULT_CAMPAIGN } from '../../shared';
import { checkWorkbook, readWorkbookGrids } from '../../xlsx';
import { date1904AsOne } from '../../xlsx/cjk-number-formats';
import { resavedByLibreOffice } from './libreoffice';
import { LAYOUT_CASES } from './layout-cases';
import { bytesOf, day, workbookOf, xlsxOf } from './workbooks';

const CN_DATE = 'yyyy"年"m"月"d"日"';

let files: Record<string, Uint8Array>;

beforeAll(async () => {
  const mac = workbookOf([
    {
      name: '台账',
      rows: [
        ['联系点', '活动日期', '活动类型', '参加领导', '活动主题', '刊发情况'],
        ['东莞', day('2017-04-12'), '专题讲座', '甲', '讲座', '已刊发'],
        ['东莞', { formula: 'DATE(2017,8,8)', result: day('2017-08-08') }, '座谈会', '甲', '座谈', null],
      ],
      numFmts: { B2: CN_DATE, B3: CN_DATE },
    },
  ]);
  mac.properties.date1904 = true;
  const written: Record<string, Uint8Array> = { mac: await bytesOf(mac) };
  for (const c of LAYOUT_CASES) written[c.label] = await xlsxOf(c.sheets);
  files = resavedByLibreOffice(written);
}, 180_000);

test('a 1904 workbook saved by LibreOffice: dates and =DATE() read right', async () => {
  const [sheet] = await readWorkbookGrids(files.mac);
  expect(sheet.date1904).toBe(true);
  const report = await checkWorkbook(files.mac, DEFAULT_CAMPAIGN, { file: 'mac.xlsx', asOf: '2017-12-31' });
  expect(report.records.map((r) => r.date)).toEqual(['2017-04-12', '2017-08-08']);
});

test('date1904="true" is written as exceljs reads it', () => {
  expect(date1904AsOne('<workbookPr date1904="true" x="1"/>')).toBe('<workbookPr date1904="1" x="1"/>');
  expect(date1904AsOne('<workbookPr date1904="1"/>')).toBeNull();
  expect(date1904AsOne('<workbookPr date1904="false"/>')).toBeNull();
});

describe('layouts saved by LibreOffice read as exceljs-written ones do', () => {
  test.each(LAYOUT_CASES.map((c) => [c.label, c] as const))('%s', async (label, c) => {
    const report = await checkWorkbook(files[label], DEFAULT_CAMPAIGN, { file: c.file ?? 'tracker.xlsx', asOf: '2017-12-31' });
    expect(report.records.map((r) => ({ row: r.row, point: r.liaisonPointId, date: r.date, type: r.type }))).toEqual(
      c.records.map(({ row, point, date, type }) => ({ row, point, date, type })),
    );
  });
});
