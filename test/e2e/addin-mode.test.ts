// End to end, add-in mode: the BUILT task pane in real headless Chromium with only the Excel host
// replaced (office.js from the CDN is answered with test/e2e/fake-office.js over an in-memory messy
// tracker). It connects, checks, shows the missing requirement, submits to the real local functions on
// Azurite (and again: a duplicate), then with the central key pulls the aggregate and writes the report.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { collectPageErrors, waitForText, OFFICE_JS_URL, screenshot, useE2eEnvironment } from './harness';

/** A province's tracker as Excel's range.values gives it: title, blank row, header on row 3, serial dates. */
const SEED = {
  说明: [['本工作簿由贵州省民进办公室维护']],
  台账: [
    ['贵州省民进联系点工作台账（2017年）'],
    [],
    ['序号', '联系点', '活动时间', '活动形式', '参加领导', '主题', '刊发情况'],
    [1, '毕节', '2017.3.15', '举办专题讲座', '张三', '不忘合作初心，继续携手前进', '《民进贵州》2017年第2期'],
    [2, '民进毕节市工委', 42826, '召开座谈会', '张三', '座谈交流', ''],
    [3, '毕节', '2016年12月3日', '调研', '张三', '调研基层组织', ''],
  ],
};

interface Snapshot {
  sheets: Record<string, { visibility: string; cells: Record<string, { value: unknown; fill: string | null }>; notes: Record<string, string>; conditionalFormats: { range: string }[] }>;
  order: string[];
  selection: { sheet: string; address: string } | null;
}

const snapshot = (page: Page) => page.evaluate(() => (window as unknown as { __fakeExcel: { snapshot(): Snapshot } }).__fakeExcel.snapshot());

async function pick(page: Page, combobox: string, option: string) {
  await page.getByRole('combobox', { name: combobox }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

async function useKey(page: Page, key: string, expected: RegExp) {
  await page.getByRole('tab', { name: '设置' }).click();
  await page.getByLabel('API 密钥').fill(key);
  await page.getByRole('button', { name: '保存并验证' }).click();
  await page.getByText(expected).waitFor();
}

describe('task pane in (stand-in) Excel, against the local functions on Azurite', () => {
  const env = useE2eEnvironment();

  test('connect, check, see the missing requirement, submit, and as the central office pull and report', async () => {
    const { stack, server, browser } = env();
    const page = await browser.newPage({ viewport: { width: 420, height: 900 }, acceptDownloads: true });
    const errors = collectPageErrors(page);
    const fakeOffice = readFileSync(join(__dirname, 'fake-office.js'), 'utf8');
    await page.route(OFFICE_JS_URL, (route) => route.fulfill({ body: fakeOffice, contentType: 'text/javascript' }));
    await page.addInitScript((seed) => {
      (window as unknown as { __FAKE_EXCEL_SEED__: unknown }).__FAKE_EXCEL_SEED__ = seed;
    }, SEED);
    await page.goto(`${server.url}/index.html`);

    // Connect: the header is found on row 3 of 台账, not on the notes sheet.
    await waitForText(page, '已在工作表「台账」第 3 行找到表头，共 3 条活动记录。');
    await screenshot(page, 'addin-1-connect');

    // Check.
    await page.getByRole('tab', { name: '检查' }).click();
    await page.getByRole('button', { name: '检查台账' }).click();
    await waitForText(page, /问题单元格已标色并加批注/);
    await waitForText(page, /缺少：看望老同志/);
    await screenshot(page, 'addin-2-check');
    let book = await snapshot(page);
    expect(book.sheets['台账'].cells.C6).toEqual({ value: '2016年12月3日', fill: '#FFC7CE' });
    expect(book.sheets['台账'].notes.C6).toContain('不在活动期间');
    expect(book.sheets['台账'].cells.C4.fill).toBeNull();
    const status = book.sheets['完成情况'];
    expect(Object.values(status.cells).map((c) => c.value)).toContain('未完成');
    expect(status.conditionalFormats.length).toBeGreaterThan(0);

    // A problem in the list selects its cell in Excel.
    await page.getByRole('region', { name: /问题清单/ }).getByRole('button', { name: /C6/ }).first().click();
    await page.waitForFunction(() => (window as unknown as { __fakeExcel: { workbook: { selection: unknown } } }).__fakeExcel.workbook.selection !== null);
    expect((await snapshot(page)).selection).toEqual({ sheet: '台账', address: 'C6' });

    // Submit as the province, for May; a second click is a duplicate on the server, not a second count.
    await useKey(page, stack.keys.provinces.guizhou, /已验证：贵州省的报送密钥/);
    await page.getByRole('tab', { name: '报送' }).click();
    await pick(page, '报送月份', '2017年5月');
    await page.getByRole('button', { name: '检查并预览' }).click();
    await page.getByRole('region', { name: '报送预览' }).getByRole('button', { name: '确认报送' }).click();
    await waitForText(page, '报送成功：第 1 版，共 3 条记录。');
    await waitForText(page, '贵州省（由密钥确定）');
    await waitForText(page, /服务器发现 1 个错误/);
    await screenshot(page, 'addin-3-submitted');
    await page.getByRole('button', { name: '检查并预览' }).click();
    await page.getByRole('region', { name: '报送预览' }).getByRole('button', { name: '确认报送' }).click();
    await waitForText(page, '服务器上已有相同内容（第 1 版），本次未重复计入。');

    // A provincial key has no central screens; the central key unlocks them.
    expect(await page.getByRole('tab', { name: '中央汇总' }).count()).toBe(0);
    await useKey(page, stack.keys.central, /已开启中央汇总/);
    await page.getByRole('tab', { name: '中央汇总' }).click();
    await pick(page, '月份', '2017年5月');
    await page.getByRole('button', { name: '拉取汇总' }).click();
    await waitForText(page, /已写入「汇总」「完成情况」「报送情况」：\d+ 条记录/);
    book = await snapshot(page);
    for (const sheet of ['汇总', '完成情况', '报送情况']) expect(book.order).toContain(sheet);
    const summaryTexts = Object.values(book.sheets['汇总'].cells).map((c) => String(c.value));
    expect(summaryTexts.some((t) => t.includes('毕节'))).toBe(true);

    await page.getByRole('button', { name: '生成月报' }).click();
    await waitForText(page, '已生成工作表「2017年05月月报」。');
    book = await snapshot(page);
    expect(book.order).toContain('2017年05月月报');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载月报 .xlsx' }).click()]);
    const report = new ExcelJS.Workbook();
    await report.xlsx.readFile((await download.path())!);
    expect(report.worksheets.map((w) => w.name)).toContain('2017年05月月报');
    await screenshot(page, 'addin-4-central');
    expect(errors).toEqual([]);
    await page.close();
  });
});
