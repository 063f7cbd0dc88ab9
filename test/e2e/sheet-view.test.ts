// End to end, browser mode's sheet view (issue 13): a 20,000-row tracker is opened in real Chromium,
// checked, a problem far down is clicked — the grid scrolls to it and selects the cell, red as in Excel
// with its note shown — then the cell is edited in place and the row is re-checked. 放弃并关闭 asks first.
import { readFileSync } from 'node:fs';
import * as ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { expectAccessible } from './a11y';
import { collectPageErrors, waitForText, OFFICE_JS_URL, screenshot, useE2eEnvironment } from './harness';

const ROWS = 20_000;
const BAD_ROW = 15_002;

/** 20,000 clean symposium records under a header on row 2, one date out of the period on row 15,002. */
async function bigTracker(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('台账');
  sheet.getCell('A1').value = '贵州省民进联系点工作台账';
  sheet.getRow(2).values = ['序号', '联系点', '活动日期', '活动类型', '参加领导', '活动主题'];
  for (let i = 1; i <= ROWS; i++) {
    const row = i + 2;
    const date = row === BAD_ROW ? '2016-12-03' : new Date(Date.UTC(2017, i % 12, 1 + (i % 27)));
    sheet.getRow(row).values = [i, '毕节', date, '座谈会', '张三', `座谈交流${i}`];
  }
  sheet.getColumn(3).numFmt = 'yyyy-mm-dd';
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function dropFile(page: Page, bytes: Buffer, name: string) {
  const transfer = await page.evaluateHandle(
    ({ data, fileName }) => {
      const dt = new DataTransfer();
      dt.items.add(new File([Uint8Array.from(atob(data), (c) => c.charCodeAt(0))], fileName));
      return dt;
    },
    { data: bytes.toString('base64'), fileName: name },
  );
  await page.getByTestId('drop-zone').dispatchEvent('drop', { dataTransfer: transfer });
}

describe('browser mode sheet view', () => {
  const env = useE2eEnvironment();

  test('scroll to a problem in a 20,000-row tracker, see it red with its note, edit it, the row is re-checked', async () => {
    const { browser, server } = env();
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true, locale: 'zh-CN' });
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await context.route(OFFICE_JS_URL, (route) => route.abort('internetdisconnected'));
    await page.goto(`${server.url}/index.html`);
    await waitForText(page, /没有 Excel 加载项也可以使用/);
    await dropFile(page, await bigTracker(), '两万行.xlsx');
    await waitForText(page, `共 ${ROWS} 条活动记录`, 120_000);

    await page.getByRole('tab', { name: '检查' }).click();
    await page.getByRole('button', { name: '检查台账' }).click();
    await waitForText(page, /活动日期不在活动期间/, 120_000);
    await page.getByText(/活动日期不在活动期间/).first().click();

    // The sheet view opens on the cell: selected, painted as Excel paints an error, its note shown.
    const grid = page.getByRole('grid', { name: '工作表「台账」' });
    const cell = grid.getByRole('gridcell', { name: '2016-12-03' });
    await cell.waitFor({ timeout: 30_000 });
    expect(await cell.getAttribute('aria-selected')).toBe('true');
    expect(await cell.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(255, 199, 206)');
    await expect(page.getByTestId('sheet-note').textContent()).resolves.toContain(`单元格 C${BAD_ROW}：2016-12-03`);
    await expect(page.getByTestId('sheet-note').textContent()).resolves.toContain('不在活动期间');
    await expect(grid.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    // Virtualised: only the rows on screen are in the page.
    expect(await grid.getByRole('row').count()).toBeLessThan(80);
    await screenshot(page, 'sheet-view-1-problem');
    await expectAccessible(page, 'sheet view');

    // Edit in place (Enter, type, Enter): the row is re-checked and its red is gone.
    await page.keyboard.press('Enter');
    const editor = page.getByRole('textbox', { name: `编辑 C${BAD_ROW}` });
    await editor.fill('2017-05-01');
    await editor.press('Enter');
    await waitForText(page, `已重新检查第 ${BAD_ROW} 行：没有问题。`);
    const fixed = grid.getByRole('gridcell', { name: '2017-05-01' }).and(page.locator('[aria-selected="true"]'));
    await expect(fixed.evaluate((el) => getComputedStyle(el).backgroundColor)).resolves.toBe('rgba(0, 0, 0, 0)');
    // Moving with the keyboard reaches the neighbouring cell.
    await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('sheet-note').textContent()).resolves.toContain(`单元格 D${BAD_ROW}：座谈会`);
    await screenshot(page, 'sheet-view-2-edited');

    // The check tab agrees: no problem left.
    await page.getByRole('tab', { name: '检查' }).click();
    await waitForText(page, '没有发现问题。');

    // 放弃并关闭 asks first and names what would be lost; 先下载工作簿 downloads instead.
    await page.getByRole('button', { name: '放弃并关闭' }).click();
    const dialog = page.getByRole('alertdialog');
    await dialog.waitFor();
    const listed = await page.getByTestId('discard-list').textContent();
    expect(listed).toContain('在表格中修改的 1 个单元格');
    expect(listed).toContain('检查结果');
    await screenshot(page, 'sheet-view-3-discard-asks');
    await expectAccessible(page, 'discard dialog');
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: '先下载工作簿' }).click()]);
    const saved = new ExcelJS.Workbook();
    await saved.xlsx.load(readFileSync((await download.path())!) as unknown as ArrayBuffer);
    const written = saved.getWorksheet('台账')!.getCell(`C${BAD_ROW}`);
    // The cell held text, so it stays text (the reader reads it as the date it says).
    expect(written.value).toBe('2017-05-01');
    expect(written.note ?? null).toBeNull();
    // Nothing unsaved any more: closing does not ask.
    await page.getByRole('button', { name: '放弃并关闭' }).click();
    await waitForText(page, /没有 Excel 加载项也可以使用/);
    expect(errors).toEqual([]);
    await context.close();
  }, 300_000);
});
