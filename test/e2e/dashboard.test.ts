// End to end, the central dashboard (issue 13, item 5) from a clean browser: no workbook, no Office.
// Two provinces have reported through the API; the office unlocks with the central key, picks the month,
// sees the matrix, the reporting status and the charts, writes 办公室意见 and downloads the report as
// .docx and .xlsx. Every screen passes the accessibility scan.
import { readFileSync } from 'node:fs';
import * as ExcelJS from 'exceljs';
import { DEFAULT_CAMPAIGN, readTracker } from '../../shared';
import { expectAccessible } from './a11y';
import { collectPageErrors, waitForText, OFFICE_JS_URL, screenshot, useE2eEnvironment } from './harness';

const TRACKERS: Record<string, unknown[][]> = {
  guizhou: [
    ['联系点', '活动日期', '活动类型', '参加领导', '活动主题', '刊发情况'],
    ['毕节', '2017-03-15', '专题讲座', '张三', '不忘合作初心', '会刊第2期'],
    ['毕节', '2017-04-01', '座谈会', '张三', '座谈交流', ''],
    ['毕节', '2017-04-20', '看望老同志', '张三', '慰问', ''],
  ],
  beijing: [
    ['联系点', '活动日期', '活动类型', '参加领导', '活动主题', '刊发情况'],
    ['海淀', '2017-02-10', '专题讲座', '李四', '讲座', '网站'],
  ],
};

async function submit(baseUrl: string, key: string, provinceId: string, month: string) {
  const read = readTracker(TRACKERS[provinceId] as never, DEFAULT_CAMPAIGN, { sheet: '台账' })!;
  const response = await fetch(`${baseUrl}/api/submissions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': key },
    body: JSON.stringify({ campaignId: DEFAULT_CAMPAIGN.id, provinceId, month, records: read.records, source: { file: `${provinceId}.xlsx`, sheet: '台账' } }),
  });
  expect(response.status).toBeLessThan(300);
}

describe('central dashboard without a workbook', () => {
  const env = useE2eEnvironment();

  test('unlock with the central key, see the month, write the remarks, download .docx and .xlsx', async () => {
    const { browser, server, stack } = env();
    await submit(stack.baseUrl, stack.keys.provinces.guizhou, 'guizhou', '2017-04');
    await submit(stack.baseUrl, stack.keys.provinces.beijing, 'beijing', '2017-04');
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true, locale: 'zh-CN' });
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await context.route(OFFICE_JS_URL, (route) => route.abort('internetdisconnected'));
    await page.goto(`${server.url}/index.html`);
    await waitForText(page, /没有 Excel 加载项也可以使用/);
    await expectAccessible(page, 'start');

    await page.getByRole('button', { name: '中央汇总（无需打开台账）' }).click();
    await waitForText(page, /输入中央办公室密钥/);
    await expectAccessible(page, 'dashboard key');
    // A provincial key is refused with the reason.
    await page.getByLabel('API 密钥').fill(stack.keys.provinces.guizhou);
    await page.getByRole('button', { name: '解锁' }).click();
    await waitForText(page, '这是省级密钥：中央汇总只对中央办公室密钥开放。').catch(async () => {
      expect(await page.getByRole('alert').textContent()).toContain('省级密钥');
    });
    await page.getByLabel('API 密钥').fill(stack.keys.central);
    await page.getByRole('button', { name: '解锁' }).click();
    await page.getByRole('combobox', { name: '月份' }).click();
    await page.getByRole('option', { name: '2017年4月', exact: true }).click();
    await waitForText(page, /截至 2017-04-30：1\/12 个联系点完成全部规定动作/);

    const matrix = page.getByRole('table', { name: '联系点 × 规定动作' });
    const bijie = matrix.getByRole('row').filter({ hasText: '民进贵州省毕节市工委' });
    expect(await bijie.textContent()).toContain('已完成 2017-03-15');
    const haidian = matrix.getByRole('row').filter({ hasText: '民进北京市海淀区委员会' });
    expect(await haidian.textContent()).toContain('未完成');
    const provinces = page.getByRole('table', { name: '各省报送情况' });
    expect(await provinces.getByRole('row').filter({ hasText: '贵州省' }).textContent()).toMatch(/报送.*1.*3/);
    expect(await provinces.getByRole('row').filter({ hasText: '上海市' }).textContent()).toContain('未报送');
    expect(await page.getByRole('img', { name: /图1/ }).count()).toBe(1);
    // The report's three charts, drawn from the same specs as the .docx.
    expect(await page.locator('figure[aria-label="图2　各联系点规定动作完成情况"] svg').count()).toBe(1);
    expect(await page.locator('figure[role="img"] svg').count()).toBe(3);
    await screenshot(page, 'dashboard-1-month');
    await expectAccessible(page, 'dashboard');

    await page.getByLabel('办公室意见').fill('请各省抓紧落实看望老同志。');
    const [docx] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载 .docx' }).click()]);
    expect(docx.suggestedFilename()).toMatch(/\.docx$/);
    const docxBytes = readFileSync((await docx.path())!);
    expect(docxBytes.subarray(0, 2).toString()).toBe('PK');
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载 .xlsx' }).click()]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync((await xlsx.path())!) as unknown as ArrayBuffer);
    const texts: string[] = [];
    workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => texts.push(String(cell.value)))));
    expect(texts.some((text) => text.includes('请各省抓紧落实看望老同志。'))).toBe(true);
    await waitForText(page, /已下载「联系点工作月报_.*\.xlsx」/);
    await screenshot(page, 'dashboard-2-downloaded');
    expect(errors).toEqual([]);
    await context.close();
  }, 300_000);
});
