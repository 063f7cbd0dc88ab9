// The Word report and the report workbook as printed: converted once by LibreOffice, then measured
// (font sizes, overlapping text, pictures, pages), plus a zip/XML check of their parts.
import { unzipSync, strFromU8 } from 'fflate';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_CAMPAIGN } from '../../shared';
import { buildMonthlyReport, type MonthlyReport } from '../../shared/report';
import type { AggregateRecord } from '../../shared/api';
import type { Issue } from '../../shared/types';
import { reportChartPngs } from '../../xlsx/chart-png';
import { writeMonthlyReportXlsx } from '../../xlsx/report';
import { writeMonthlyReportDocx } from '../../xlsx/report-docx';
import {
  convertToPdf,
  ensurePrintTools,
  overlappingWords,
  pageText,
  printedImages,
  printedPages,
  printedWords,
  type PrintedPage,
  type PrintedWord,
} from '../support/printed';
import { aggregate, completePoint, errorIssue, record } from './fixtures';

const campaign = DEFAULT_CAMPAIGN;
const REMARKS = '=HYPERLINK("http://x","y") 请各地于6月底前报送典型材料。{ PAGE }';
const LONG = '联系点负责同志带队深入基层组织，召开座谈会听取会员意见建议，围绕参政议政重点课题开展调研，形成调研报告一篇。';

const warning = (row: number): Issue => ({
  row,
  cell: `J${row}`,
  field: 'publication',
  severity: 'warning',
  code: 'lecture-publication-missing',
  message: `第${row}行 J${row}：专题讲座未填写刊发情况。`,
  messageEn: `Row ${row} J${row}: no publication recorded for the lecture.`,
});

/** A month as offices have it: most points part-way, long summaries, records with several problems, late and missing provinces. */
function sample() {
  const records: AggregateRecord[] = [];
  campaign.points.forEach((p, i) => {
    if (i % 3 === 0) records.push(...completePoint(p.id, i % 2 ? '2017-03' : '2017-05'));
    else records.push(record(p.id, `2017-0${(i % 5) + 1}-1${i % 9}`, i % 2 ? 'lecture' : 'symposium', { summary: LONG }));
    records.push(record(p.id, '2017-05-08', 'grassroots-visit', { summary: LONG, remarks: '已同步报送省委会' }));
  });
  const bad = record(campaign.points[4].id, '2016-12-01', 'lecture', { summary: LONG, publication: null });
  bad.issues = [errorIssue(bad.row), warning(bad.row), { ...errorIssue(bad.row), cell: `A${bad.row}`, message: `第${bad.row}行 A${bad.row}：日期不在活动期间内。` }];
  records.push(bad);
  return aggregate('2017-05', records, {
    heilongjiang: { submitted: false },
    hainan: { submitted: false },
    shaanxi: { submitted: false },
    guangdong: { late: true },
  });
}

describe('the printed report (LibreOffice → PDF)', () => {
  let dir: string;
  let report: MonthlyReport;
  let docx: Uint8Array;
  let xlsx: Uint8Array;
  let docPages: PrintedPage[];
  let bookPages: PrintedPage[];
  let docPdf: string;
  let bookPdf: string;
  let docWords: PrintedWord[][];
  let bookWords: PrintedWord[][];

  beforeAll(async () => {
    ensurePrintTools();
    dir = mkdtempSync(join(tmpdir(), 'printed-report-'));
    const agg = sample();
    report = buildMonthlyReport(agg, campaign, { generatedAt: '2017-06-06T01:00:00.000Z', remarks: REMARKS });
    const charts = reportChartPngs(report);
    docx = await writeMonthlyReportDocx(report, charts);
    xlsx = await writeMonthlyReportXlsx(report, agg, campaign, charts);
    writeFileSync(join(dir, 'document.docx'), docx);
    writeFileSync(join(dir, 'workbook.xlsx'), xlsx);
    [docPdf, bookPdf] = convertToPdf([join(dir, 'document.docx'), join(dir, 'workbook.xlsx')], dir);
    docPages = printedPages(docPdf);
    bookPages = printedPages(bookPdf);
    docWords = printedWords(docPdf);
    bookWords = printedWords(bookPdf);
    if (process.env.PRINTED_KEEP) console.log(`printed report kept in ${dir}`);
  }, 600_000);

  afterAll(() => {
    if (dir && !process.env.PRINTED_KEEP) rmSync(dir, { recursive: true, force: true });
  });

  const smallest = (pages: PrintedPage[]) => Math.min(...pages.flatMap((p) => p.texts.filter((t) => t.text.trim()).map((t) => t.size)));

  describe('Word document', () => {
    it('prints every text at 10.5 pt or more, the title at 22 pt', () => {
      expect(smallest(docPages)).toBeGreaterThanOrEqual(10.5);
      const title = docPages[0].texts.find((t) => t.text.includes(`${campaign.name}月报`))!;
      expect(title.size).toBeGreaterThanOrEqual(22);
      // Centred on the page.
      expect(Math.abs(title.left + title.width / 2 - docPages[0].width / 2)).toBeLessThan(6);
    });

    it('has no overlapping text on any page', () => {
      for (const words of docWords) expect(overlappingWords(words)).toEqual([]);
    });

    it('shows the three charts, numbers its pages — n —, and fits on a sensible number of pages', () => {
      expect(new Set(printedImages(docPdf).map((i) => i.object)).size).toBe(3);
      expect(docPages.length).toBeGreaterThanOrEqual(4);
      expect(docPages.length).toBeLessThanOrEqual(10);
      docPages.forEach((page, i) => expect(pageText(page)).toContain(`— ${i + 1} —`));
      const all = docPages.map(pageText).join('');
      for (const text of ['一、总体情况', '二、各联系点进展', '三、存在问题', '四、下一步工作', '办公室意见', '表3', '统计截至']) expect(all).toContain(text);
    });
  });

  describe('workbook', () => {
    const reportPages = () => {
      const firstData = bookPages.findIndex((p) => pageText(p).includes('汇总：'));
      return bookPages.slice(0, firstData);
    };

    it('prints body text at 10.5 pt or more and the titles at 16 pt or more (laid out, not shrunk)', () => {
      expect(smallest(bookPages)).toBeGreaterThanOrEqual(10.5);
      expect(Math.max(...bookPages[0].texts.map((t) => t.size))).toBeGreaterThanOrEqual(16);
      const dataPage = bookPages.find((p) => pageText(p).includes('汇总：'))!;
      expect(Math.max(...dataPage.texts.map((t) => t.size))).toBeGreaterThanOrEqual(16);
    });

    it('has no overlapping text on any page (bug: several problems in one cell printed over each other)', () => {
      for (const words of bookWords) expect(overlappingWords(words)).toEqual([]);
    });

    it('shows the three charts on the report sheet, on a sensible number of pages', () => {
      const images = printedImages(bookPdf);
      expect(new Set(images.map((i) => i.object)).size).toBe(3);
      const pages = reportPages();
      expect(pages.length).toBeGreaterThanOrEqual(3);
      expect(pages.length).toBeLessThanOrEqual(10);
      // No page of the report sheet is empty (a picture past the print area makes one).
      for (const page of pages) expect(page.texts.filter((t) => !/^[—\s\d]+$/.test(t.text)).length).toBeGreaterThan(0);
    });
  });

  describe('parts', () => {
    it('the .docx has its parts, the pictures, and no field made from the text', () => {
      const parts = unzipSync(docx);
      for (const name of ['[Content_Types].xml', 'word/document.xml', 'word/_rels/document.xml.rels', 'word/styles.xml']) {
        expect(parts[name]).toBeDefined();
      }
      expect(Object.keys(parts).filter((n) => n.startsWith('word/media/') && n.endsWith('.png'))).toHaveLength(3);
      const document = strFromU8(parts['word/document.xml']);
      expect(document).not.toMatch(/<w:fldSimple|<w:instrText|<w:fldChar/);
      expect(document).toContain('=HYPERLINK(&quot;http://x&quot;,&quot;y&quot;) 请各地于6月底前报送典型材料。{ PAGE }');
      // The page number is the only field: in the footer.
      const footer = Object.keys(parts).find((n) => /^word\/footer\d*\.xml$/.test(n))!;
      expect(strFromU8(parts[footer])).toMatch(/PAGE/);
      for (const name of Object.keys(parts).filter((n) => n.endsWith('.xml'))) {
        expect(strFromU8(parts[name])).toMatch(/^<\?xml[\s\S]*>\s*$/);
      }
    });

    it('the .xlsx has one drawing with the three pictures and no formula', () => {
      const parts = unzipSync(xlsx);
      expect(strFromU8(parts['[Content_Types].xml'])).toContain('/xl/drawings/drawing1.xml');
      expect(Object.keys(parts).filter((n) => n.startsWith('xl/media/'))).toHaveLength(3);
      expect(strFromU8(parts['xl/drawings/_rels/drawing1.xml.rels']).match(/relationships\/image/g)).toHaveLength(3);
      expect(strFromU8(parts['xl/worksheets/sheet1.xml'])).toContain('<drawing r:id=');
      for (const name of Object.keys(parts).filter((n) => n.startsWith('xl/worksheets/sheet'))) {
        expect(strFromU8(parts[name])).not.toContain('<f>');
      }
    });
  });
});
