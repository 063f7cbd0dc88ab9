// End to end (issue 13): the pane's language follows the browser outside Office and the 中文/English
// switch is kept across a reload; every screen of browser mode passes the accessibility scan and is
// reachable by keyboard; a traditional tracker's 新增活动 row comes back traditional, with 序號 continued.
import { readFileSync } from 'node:fs';
import * as ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { expectAccessible } from './a11y';
import { collectPageErrors, waitForText, OFFICE_JS_URL, screenshot, useE2eEnvironment } from './harness';

async function traditionalTracker(): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('台賬');
  sheet.getRow(1).values = ['序號', '聯繫點', '活動日期', '活動類型', '參加領導', '活動主題', '備註'];
  sheet.getRow(2).values = [1, '畢節', '2017.3.15', '專題講座', '張三', '不忘合作初心', '已在會刊刊發'];
  sheet.getRow(3).values = [2, '畢節', '2017.4.1', '座談會', '張三', '座談交流', ''];
  return Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
}

async function drop(page: Page, base64: string, name: string) {
  const transfer = await page.evaluateHandle(
    ({ data, fileName }) => {
      const dt = new DataTransfer();
      dt.items.add(new File([Uint8Array.from(atob(data), (c) => c.charCodeAt(0))], fileName));
      return dt;
    },
    { data: base64, fileName: name },
  );
  await page.getByTestId('drop-zone').dispatchEvent('drop', { dataTransfer: transfer });
}

describe('browser mode screens', () => {
  const env = useE2eEnvironment();

  test('an en-US browser gets English; 中文 is kept across a reload; every screen passes axe', async () => {
    const { browser, server } = env();
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true, locale: 'en-US' });
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await context.route(OFFICE_JS_URL, (route) => route.abort('internetdisconnected'));
    await page.goto(`${server.url}/index.html`);
    await waitForText(page, 'Open tracker file');
    await expectAccessible(page, 'start (English)');
    await page.getByRole('button', { name: '中文' }).click();
    await waitForText(page, '打开台账文件');
    await page.reload();
    await waitForText(page, '打开台账文件');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');

    await drop(page, await traditionalTracker(), '繁體台賬.xlsx');
    await waitForText(page, /共 2 条活动记录/);
    for (const tab of ['连接台账', '表格', '新增活动', '检查', '报送', '设置']) {
      await page.getByRole('tab', { name: tab }).click();
      await page.waitForTimeout(200);
      await expectAccessible(page, tab);
    }

    // The check reads 備註「已在會刊刊發」 as the publication, and 主题 is there: no publication warning.
    await page.getByRole('tab', { name: '检查' }).click();
    await page.getByRole('button', { name: '检查台账' }).click();
    await waitForText(page, /共 2 条记录/);
    await screenshot(page, 'screens-1-checked');
    await waitForText(page, '共 2 条记录：0 个错误，0 个提醒；0/1 个联系点已完成全部规定动作。');
    await screenshot(page, 'screens-1-checked');

    // Keyboard only: Tab reaches the tabs, arrows move between them, Enter opens 新增活动.
    await page.getByRole('tab', { name: '检查' }).focus();
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Enter');
    await waitForText(page, '添加到台账');

    const form = page.getByRole('form', { name: '新增活动' });
    await form.getByLabel(/参加领导/).fill('张三');
    await form.getByLabel(/活动主题/).fill('看望慰问老会员');
    await form.getByLabel(/活动日期/).fill('2017-05-01');
    await form.getByRole('combobox', { name: /活动类型/ }).click();
    await page.getByRole('option', { name: /看望老同志/ }).first().click();
    await form.getByRole('combobox', { name: /联系点/ }).click();
    await page.getByRole('option', { name: /毕节/ }).first().click();
    await form.getByRole('button', { name: '添加到台账' }).click();
    await waitForText(page, '已添加到第 4 行。');
    await screenshot(page, 'screens-2-added');
    await expectAccessible(page, '新增活动 after adding');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载工作簿' }).click()]);
    const saved = new ExcelJS.Workbook();
    await saved.xlsx.load(readFileSync((await download.path())!) as unknown as ArrayBuffer);
    const sheet = saved.getWorksheet('台賬')!;
    expect(sheet.getCell('A4').value).toBe(3);
    expect(sheet.getCell('F4').value).toBe('看望慰問老會員');
    expect(sheet.getCell('C4').value).toEqual(new Date(Date.UTC(2017, 4, 1)));
    expect(sheet.getCell('C4').numFmt).toBe('yy/m/d');
    expect(errors).toEqual([]);
    await context.close();
  }, 300_000);
});
