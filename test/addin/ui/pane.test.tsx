/** @jest-environment jsdom */
// The task pane's screens driven through the real flows bound to a recording fake port: connect, correct
// the mapping, create the template, check (summary, missing requirement, problems that select cells),
// add an activity with the checker's own messages.
import './jsdom-shims';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { DEFAULT_CAMPAIGN, checkTracker, findTracker, validateRecords } from '../../../shared';
import type { Grid } from '../../../shared/types';
import { MAPPING_SETTING } from '../../../addin/flows';
import { Pane } from '../../../addin/src/components/Pane';
import { bindFlows } from '../../../addin/src/pane-operations';
import type { Lang } from '../../../addin/src/i18n';
import { FakePort, memoryStorage, messyTracker } from './fake-port';

function renderPane(port: FakePort, lang: Lang = 'zh') {
  const downloads: string[] = [];
  render(
    <Pane
      ops={bindFlows(port)}
      lang={lang}
      campaign={DEFAULT_CAMPAIGN}
      settingsStore={memoryStorage()}
      fileName="贵州台账.xlsx"
      download={(_, name) => downloads.push(name)}
    />,
  );
  return { downloads };
}

async function openTab(name: string) {
  fireEvent.click(screen.getByRole('tab', { name }));
}

describe('task pane', () => {
  test('finds a messy tracker on open and shows where (sheet, header row, records)', async () => {
    const port = new FakePort({ 说明: [['填表说明']], 台账: messyTracker() });
    renderPane(port);
    expect(await screen.findByText(/已在工作表「台账」第 3 行找到表头，共 3 条活动记录/)).toBeTruthy();
    // The mapping shows the header the reader matched for each field.
    expect((await screen.findByRole('combobox', { name: '活动日期' })).textContent).toContain('C 列「活动时间」');
    expect(screen.getByRole('combobox', { name: '联系点' }).textContent).toContain('B 列「联系点」');
  });

  test('a sheet per month under one header is one tracker; a sheet under another header is warned about', async () => {
    const month = (date: string): Grid => [['联系点', '活动日期', '活动类型'], ['三亚', date, '专题讲座']];
    const summary: Grid = [['活动日期', '活动主题'], ['2017-05-31', '小结']];
    renderPane(new FakePort({ '3月': month('2017-03-01'), '4月': month('2017-04-01'), '5月': month('2017-05-01'), 汇总: summary }));
    expect(await screen.findByText('工作表「3月」「4月」「5月」表头相同（每月一张），合为一本台账检查和报送，共 3 条活动记录。')).toBeTruthy();
    expect(screen.getByText('工作表「汇总」中也有活动记录，但只会检查和报送「3月」「4月」「5月」。请把各表的记录合并到一张表，或在下方改选工作表。')).toBeTruthy();
  });

  test('with a sheet per month, a problem selects its cell on its own sheet', async () => {
    const month = (point: string, date: string): Grid => [['联系点', '活动日期', '活动类型'], [point, date, '专题讲座']];
    const port = new FakePort({ '3月': month('三亚', '2017-03-01'), '4月': month('不存在的地方', '2017-04-01') });
    renderPane(port);
    await screen.findByText(/合为一本台账/);
    await openTab('检查');
    fireEvent.click(screen.getByRole('button', { name: '检查台账' }));
    const problems = await screen.findByRole('region', { name: '问题清单（点击定位到单元格）' });
    fireEvent.click(within(problems).getByText(/^工作表「4月」第2行 A2/));
    await waitFor(() => expect(port.selections).toEqual([{ sheet: '4月', cell: 'A2' }]));
    expect(port.annotations.get('4月')?.get('A2')?.severity).toBe('error');
    expect(port.annotations.get('3月')?.get('A2')).toBeUndefined();
  });

  test('a corrected mapping is saved in the workbook and used from then on', async () => {
    const port = new FakePort({ 台账: messyTracker() });
    renderPane(port);
    const title = await screen.findByRole('combobox', { name: '活动主题' });
    expect(title.textContent).toContain('F 列「主题」');
    fireEvent.click(title);
    fireEvent.click(await screen.findByRole('option', { name: '（未对应）' }));
    fireEvent.click(screen.getByRole('button', { name: '保存对应关系' }));
    await screen.findByText(/已保存对应关系，共读到 3 条记录/);
    const saved = JSON.parse(port.settings.get(MAPPING_SETTING) ?? 'null');
    expect(saved).toMatchObject({ sheet: '台账', headerRow: 3 });
    expect(saved.columns.title).toBeUndefined();
    expect(saved.columns.date).toBe('C');
  });

  test('no tracker: offers the standard tracker, and creating it twice changes nothing', async () => {
    const port = new FakePort({ Sheet1: [['随便写点什么']] });
    renderPane(port);
    await screen.findByText(/没有在本工作簿中找到台账/);
    fireEvent.click(screen.getByRole('button', { name: '创建标准台账' }));
    await screen.findByText('已创建标准台账「台账」。');
    expect(await screen.findByText(/已在工作表「台账」第 1 行找到表头，共 0 条活动记录/)).toBeTruthy();
    // Issue 9: with a tracker connected, a new one only behind 另建一张新台账 and a warning naming the one that stays.
    expect(screen.queryByRole('button', { name: '创建标准台账' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '另建一张新台账' }));
    expect(screen.getByRole('alert').textContent).toContain('现有台账「台账」保留不动');
    fireEvent.click(screen.getByRole('button', { name: '仍然新建' }));
    await screen.findByText('已创建标准台账「台账」。');
    expect(port.sheets.get('台账')).toHaveLength(1);
  });

  test('issue 9: a new standard tracker beside the user\'s 台賬 — the check of its 0 records says so, not 没有发现问题', async () => {
    const port = new FakePort({ 台賬: messyTracker() });
    renderPane(port);
    await screen.findByText(/找到表头/);
    fireEvent.click(screen.getByRole('button', { name: '另建一张新台账' }));
    expect(screen.getByRole('alert').textContent).toContain('现有台账「台賬」保留不动');
    fireEvent.click(screen.getByRole('button', { name: '仍然新建' }));
    await screen.findByText(/已创建标准台账「台账」/);
    await openTab('检查');
    fireEvent.click(screen.getByRole('button', { name: '检查台账' }));
    const alert = await screen.findByText(/「台账」中没有任何记录，而「台賬」中有台账记录/);
    expect(alert).toBeTruthy();
    expect(screen.queryByText('没有发现问题。')).toBeNull();
    expect(screen.queryByText(/问题单元格已标色并加批注/)).toBeNull();
  });

  test('check: summary, missing requirement by name, problems highlighted and clickable', async () => {
    const port = new FakePort({ 台账: messyTracker() });
    renderPane(port);
    await screen.findByText(/找到表头/);
    await openTab('检查');
    fireEvent.click(screen.getByRole('button', { name: '检查台账' }));
    await screen.findByText(/问题单元格已标色并加批注/);

    // What the shared checker says about the same grid is what the pane shows.
    const expected = checkTracker(findTracker([{ name: '台账', grid: messyTracker() }], DEFAULT_CAMPAIGN)!, DEFAULT_CAMPAIGN, {
      file: '贵州台账.xlsx',
    });
    const errors = expected.issues.filter((i) => i.severity === 'error');
    expect(errors.length).toBeGreaterThan(0);
    const summary = screen.getByLabelText('检查结果').textContent ?? '';
    expect(summary).toContain(`共 ${expected.records.length} 条记录：${errors.length} 个错误`);

    const points = screen.getByRole('region', { name: '各联系点完成情况' });
    expect(within(points).getByText('民进贵州省毕节市工委')).toBeTruthy();
    expect(within(points).getByText(/缺少：.*看望老同志/)).toBeTruthy();

    // The out-of-period date is an error on C6; the port got a fill + note for it, and the status sheet.
    const outOfPeriod = expected.issues.find((i) => i.code === 'date-out-of-period')!;
    expect(outOfPeriod.cell).toBe('C6');
    expect(port.annotations.get('台账')?.get('C6')?.severity).toBe('error');
    expect(port.written.map((m) => m.name)).toContain('完成情况');

    const problems = screen.getByRole('region', { name: '问题清单（点击定位到单元格）' });
    fireEvent.click(within(problems).getByText(outOfPeriod.message));
    await waitFor(() => expect(port.selections).toEqual([{ sheet: '台账', cell: 'C6' }]));
  });

  test('a problem without a cell (no column for its field) is listed as text with its row, not as a dead button', async () => {
    // Bug: it was a disabled button whose 20px icon slot squeezed the badge "第 4 行" into a vertical column.
    const port = new FakePort({ 台账: messyTracker().map((row) => row.slice(0, 4)) });
    renderPane(port);
    await screen.findByText(/找到表头/);
    await openTab('检查');
    fireEvent.click(screen.getByRole('button', { name: '检查台账' }));
    const problems = await screen.findByRole('region', { name: '问题清单（点击定位到单元格）' });
    const leaderMissing = within(problems).getAllByText(/第4行：缺少参加领导/)[0];
    expect(leaderMissing.closest('button')).toBeNull();
    expect(within(problems).getAllByText('第 4 行').length).toBeGreaterThan(0);
    // Those with a cell stay buttons that select it.
    expect(within(problems).getByText(/C6/, { selector: 'span' }).closest('button')).not.toBeNull();
    expect(within(problems).queryAllByRole('button').every((b) => !b.hasAttribute('disabled'))).toBe(true);
  });

  test('add activity: the form shows the checker\'s message and appends only a valid row', async () => {
    const port = new FakePort({ 台账: messyTracker() });
    renderPane(port);
    await screen.findByText(/找到表头/);
    await openTab('新增活动');
    const form = within(screen.getByRole('form', { name: '新增活动' }));

    const date = form.getByLabelText('活动日期');
    fireEvent.change(date, { target: { value: '2016-12-03' } });
    // The validator's own message for this row, as the checker would give it.
    const grid: Grid = messyTracker().map((r) => [...r]);
    const found = findTracker([{ name: '台账', grid }], DEFAULT_CAMPAIGN)!;
    expect(found.headerRow).toBe(3);
    // Bug: the form said "第8行 C8「…」：…", a row that is not the new one (blank rows) and may hold another record.
    const message = await screen.findByText(/不在活动期间/);
    expect(message.textContent).toBe('活动日期不在活动期间（2017-01-01 至 2017-12-31）内。');

    fireEvent.click(form.getByRole('button', { name: '添加到台账' }));
    await screen.findByText('请先更正标红的项目。');
    expect(port.sheets.get('台账')).toHaveLength(messyTracker().length);

    fireEvent.change(date, { target: { value: '2017-06-01' } });
    fireEvent.click(form.getByRole('combobox', { name: '活动类型' }));
    fireEvent.click(await screen.findByRole('option', { name: '看望老同志' }));
    fireEvent.click(form.getByRole('combobox', { name: '联系点' }));
    fireEvent.click(await screen.findByRole('option', { name: '民进贵州省毕节市工委' }));
    fireEvent.change(form.getByLabelText('参加领导'), { target: { value: '张三' } });
    fireEvent.change(form.getByLabelText('活动主题'), { target: { value: '看望慰问老会员' } });
    fireEvent.click(form.getByRole('button', { name: '添加到台账' }));
    const done = await screen.findByText(/已添加到第 \d+ 行/);
    const row = Number(/第 (\d+) 行/.exec(done.textContent ?? '')![1]);
    // Below the last record, above nothing: the totals row stays where it was or the row goes after it.
    expect(row).toBeGreaterThan(6);
    const written = port.sheets.get('台账')![row - 1];
    expect(written[2]).toEqual(new Date(Date.UTC(2017, 5, 1)));
    expect(written[1]).toBe('民进贵州省毕节市工委');
    const record = findTracker([{ name: '台账', grid: port.sheets.get('台账')! }], DEFAULT_CAMPAIGN)!.records.find((r) => r.row === row)!;
    expect(record.type).toBe('veteran-visit');
    expect(validateRecords([record], DEFAULT_CAMPAIGN, found.columns).filter((i) => i.severity === 'error')).toEqual([]);
  });

  test('English when Office says English', async () => {
    const port = new FakePort({ Tracker: messyTracker() });
    renderPane(port, 'en');
    expect(await screen.findByText(/Found the header on sheet "Tracker", row 3: 3 activity records/)).toBeTruthy();
    expect(screen.getByRole('tab', { name: 'Check' })).toBeTruthy();
    await act(async () => undefined);
  });
});
