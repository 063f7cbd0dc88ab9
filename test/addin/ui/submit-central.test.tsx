/** @jest-environment jsdom */
// 报送 and the central screens: the key decides what the pane offers; every refusal of the API (offline,
// 401, 403, 413) is said in Chinese in the pane; a retry sends the same request again. The HTTP boundary
// is scripted here (the real API is exercised by test/e2e and api-client.test.ts).
import './jsdom-shims';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import { DEFAULT_CAMPAIGN } from '../../../shared';
import type { AggregateResponse, SubmissionRequest } from '../../../shared/api';
import { Pane } from '../../../addin/src/components/Pane';
import { bindFlows } from '../../../addin/src/pane-operations';
import { FakePort, memoryStorage, messyTracker } from './fake-port';

interface Call {
  method: string;
  path: string;
  query: URLSearchParams;
  key: string | undefined;
  body: unknown;
}

type Answer = { status: number; body?: unknown } | 'offline';

/** A fetch that answers from a script by `METHOD /path` and records every call. */
function scriptedFetch(script: Record<string, Answer | Answer[]>) {
  const calls: Call[] = [];
  const fetchImpl = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'https://pane.example');
    const method = init?.method ?? 'GET';
    const headers = (init?.headers ?? {}) as Record<string, string>;
    calls.push({ method, path: url.pathname, query: url.searchParams, key: headers['x-api-key'], body: init?.body ? JSON.parse(String(init.body)) : null });
    // A dry run is scripted apart from the real POST.
    const entry = script[`${method} ${url.pathname}${url.searchParams.has('dryRun') ? '?dryRun' : ''}`];
    const answer = Array.isArray(entry) ? (entry.length > 1 ? entry.shift()! : entry[0]) : entry;
    if (!answer || answer === 'offline') throw new TypeError('Failed to fetch');
    return {
      ok: answer.status >= 200 && answer.status < 300,
      status: answer.status,
      json: async () => answer.body,
      blob: async () => new Blob([JSON.stringify(answer.body)]),
    } as unknown as Response;
  }) as typeof fetch;
  return { fetch: fetchImpl, calls };
}

const forbidden = { status: 403, body: { error: { code: 'forbidden', message: '无权访问', messageEn: 'Forbidden' } } };
const campaignOk = { status: 200, body: DEFAULT_CAMPAIGN };

function renderPane(fetchImpl: typeof fetch, settings: object, port = new FakePort({ 台账: messyTracker() })) {
  const downloads: { name: string; data: Blob }[] = [];
  render(
    <Pane
      ops={bindFlows(port)}
      lang="zh"
      campaign={DEFAULT_CAMPAIGN}
      settingsStore={memoryStorage([['liaison-tracker.settings', JSON.stringify(settings)]])}
      fileName="贵州台账.xlsx"
      download={(data, name) => downloads.push({ name, data })}
      fetch={fetchImpl}
    />,
  );
  return { port, downloads };
}

async function submitTab() {
  await screen.findByText(/找到表头/);
  fireEvent.click(screen.getByRole('tab', { name: '报送' }));
}

const preview = (over: object = {}) => ({
  status: 200,
  body: {
    dryRun: true,
    campaignId: '2017-batch-4',
    provinceId: 'guizhou',
    month: '2017-12',
    recordCount: 3,
    replaces: null,
    diff: { previousCount: 0, nextCount: 3, addedCount: 3, removedCount: 0, changedCount: 0, unchanged: 0, added: [], removed: [], changed: [], truncated: false },
    needsConfirmation: false,
    confirm: null,
    duplicate: false,
    completeness: { before: [], after: [] },
    issues: [],
    due: '2018-01-05',
    late: false,
    ...over,
  },
});
const meGuizhou = { status: 200, body: { role: 'province', provinceId: 'guizhou', provinceName: '贵州省' } };
const stored = (over: object = {}) => ({ status: 201, body: { submissionId: 's1', version: 1, recordCount: 3, issues: [], ...over } });

async function previewAndSubmit() {
  fireEvent.click(screen.getByRole('button', { name: '检查并预览' }));
  const section = await screen.findByRole('region', { name: '报送预览' });
  fireEvent.click(within(section).getByRole('button', { name: '确认报送' }));
}

describe('报送', () => {
  test.each([
    ['offline', 'offline' as const, /无法连接到服务器（\/api\/submissions\?dryRun=1）/, true],
    ['401', { status: 401, body: { error: { code: 'unauthorized', message: '密钥无效' } } }, /API 密钥无效或缺失（401）/, false],
    ['403', { status: 403, body: { error: { code: 'province-forbidden', message: '此密钥属于贵州省，不能访问北京市的数据。' } } }, /此密钥属于贵州省，不能访问北京市的数据。/, false],
    ['413', { status: 413, body: { error: { code: 'too-large', message: '太大' } } }, /数据太大，服务器拒收（413）/, true],
    ['400', { status: 400, body: { error: { code: 'unknown-point', message: '第5行 B5：未知联系点', messageEn: 'Row 5 B5: unknown point' } } }, /服务器拒收（400）：第5行 B5：未知联系点/, true],
  ])('%s: says what happened in Chinese; 重试 only where retrying can help, and it resends the same request', async (_name, failure, message, retry) => {
    const api = scriptedFetch({
      'GET /api/campaigns/2017-batch-4': campaignOk,
      'GET /api/me': meGuizhou,
      'POST /api/submissions?dryRun': [failure, preview()],
      'POST /api/submissions': stored(),
    });
    renderPane(api.fetch, { apiUrl: '', apiKey: 'guizhou-key', provinceId: '' });
    await submitTab();
    fireEvent.click(screen.getByRole('button', { name: '检查并预览' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(message);
    // Issue 13 item 3: after a 401/403 the button never turns into 重试, which cannot help.
    expect(screen.queryByRole('button', { name: '重试' }) !== null).toBe(retry);
    if (!retry) return;

    fireEvent.click(screen.getByRole('button', { name: '重试' }));
    const section = await screen.findByRole('region', { name: '报送预览' });
    fireEvent.click(within(section).getByRole('button', { name: '确认报送' }));
    await screen.findByText('报送成功：第 1 版，共 3 条记录。');
    const posts = api.calls.filter((c) => c.method === 'POST');
    expect(posts).toHaveLength(3);
    expect(posts[1].body).toEqual(posts[0].body);
    expect(posts[2].body).toEqual(posts[0].body);
    const sent = posts[0].body as SubmissionRequest;
    expect(sent).toMatchObject({ campaignId: '2017-batch-4', provinceId: 'guizhou', source: { file: '贵州台账.xlsx', sheet: '台账' } });
    expect(sent.records).toHaveLength(3);
    expect(posts[0].key).toBe('guizhou-key');
  });

  test('the preview lists removed records and needs a second, explicit confirmation, which names the replaced version', async () => {
    const removed = { row: 9, liaisonPointId: 'guizhou-bijie', date: '2017-05-20', type: 'veteran-visit', title: '看望老会员', leader: null, participants: null, summary: null, publication: null, materials: null, filledBy: null, remarks: null };
    const api = scriptedFetch({
      'GET /api/campaigns/2017-batch-4': campaignOk,
      'GET /api/me': meGuizhou,
      'POST /api/submissions?dryRun': preview({
        replaces: { submissionId: '2017-batch-4~guizhou~000002', month: '2017-11', version: 2, recordCount: 4 },
        diff: { previousCount: 4, nextCount: 3, addedCount: 0, removedCount: 1, changedCount: 0, unchanged: 3, added: [], removed: [removed], changed: [], truncated: false },
        needsConfirmation: true,
        confirm: '2017-batch-4~guizhou~000002',
      }),
      'POST /api/submissions': stored({ version: 3 }),
    });
    const { port } = renderPane(api.fetch, { apiUrl: '', apiKey: 'guizhou-key', provinceId: '' });
    await submitTab();
    fireEvent.click(screen.getByRole('button', { name: '检查并预览' }));
    const section = await screen.findByRole('region', { name: '报送预览' });
    expect(section.textContent).toContain('本次 3 条（新增 0 条，删除 1 条，修改 0 条）；上次报送 4 条（2017年11月第 2 版）');
    expect(within(section).getByRole('alert').textContent).toContain('第9行 2017-05-20 看望老同志 民进贵州省毕节市工委 「看望老会员」');
    const confirm = within(section).getByRole('button', { name: '确认报送' });
    expect((confirm as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(within(section).getByRole('checkbox', { name: '我已核对，确认删除以上 1 条记录' }));
    fireEvent.click(confirm);
    await screen.findByText('报送成功：第 3 版，共 3 条记录。');
    const real = api.calls.filter((c) => c.method === 'POST' && !c.query.has('dryRun'));
    expect(real).toHaveLength(1);
    expect(real[0].query.get('confirm')).toBe('2017-batch-4~guizhou~000002');
    // 报送 reads the tracker; it writes nothing into it (the 有未下载的修改 badge stays away).
    expect(port.written).toEqual([]);
  });

  test('the key fixes the province; the month comes with its deadline; a late submission says 逾期', async () => {
    const api = scriptedFetch({
      'GET /api/campaigns/2017-batch-4': campaignOk,
      'GET /api/me': meGuizhou,
      'POST /api/submissions?dryRun': preview(),
      'POST /api/submissions': stored({ late: true, month: '2017-12' }),
    });
    renderPane(api.fetch, { apiUrl: '', apiKey: 'guizhou-key', provinceId: 'beijing' });
    await submitTab();
    await screen.findByText('贵州省（由密钥确定）');
    expect(screen.queryByRole('combobox', { name: '省份' })).toBeNull();
    // Long after the campaign: never a month after its end.
    expect(screen.getByText('报送 2017年12月台账，截止 2018年1月5日')).toBeTruthy();
    await previewAndSubmit();
    const result = await screen.findByRole('region', { name: '报送结果' });
    expect(result.textContent).toContain('逾期');
    expect(api.calls.find((c) => c.method === 'POST')?.body).toMatchObject({ provinceId: 'guizhou', month: '2017-12' });
  });

  test('a duplicate is reported as such, with the server\'s version', async () => {
    const api = scriptedFetch({
      'GET /api/campaigns/2017-batch-4': campaignOk,
      'GET /api/me': meGuizhou,
      'POST /api/submissions?dryRun': preview(),
      'POST /api/submissions': { status: 200, body: { submissionId: 's1', version: 4, recordCount: 3, issues: [], duplicate: true } },
    });
    renderPane(api.fetch, { apiUrl: 'https://api.example.org/', apiKey: 'k', provinceId: 'guizhou' });
    await submitTab();
    await previewAndSubmit();
    await screen.findByText('服务器上已有相同内容（第 4 版），本次未重复计入。');
    expect(api.calls.find((c) => c.method === 'POST')?.path).toBe('/api/submissions');
  });

  test('without a key the pane asks for one and sends nothing', async () => {
    const api = scriptedFetch({});
    renderPane(api.fetch, { apiUrl: '', apiKey: '', provinceId: '' });
    await submitTab();
    fireEvent.click(screen.getByRole('button', { name: '检查并预览' }));
    await screen.findByText('请先在「设置」中填写 API 密钥。');
    expect(api.calls).toEqual([]);
    // The message takes the user where the key goes.
    fireEvent.click(within(screen.getByRole('alert')).getByRole('button', { name: '设置' }));
    expect(await screen.findByLabelText('API 密钥')).toBeTruthy();
  });

  test('a submission the server found errors in is stored, but not shown as a plain success; cell references stay', async () => {
    const issue = { row: 6, cell: 'C6', field: 'date', severity: 'error', code: 'date-out-of-period', message: '第6行 C6：活动日期不在活动期间。', messageEn: 'Row 6, C6: out of period.' };
    const api = scriptedFetch({
      'POST /api/submissions?dryRun': preview(),
      'POST /api/submissions': stored({ issues: [issue], duplicate: false }),
    });
    renderPane(api.fetch, { apiUrl: '', apiKey: 'k', provinceId: 'guizhou' });
    await submitTab();
    await previewAndSubmit();
    const result = await screen.findByRole('region', { name: '报送结果' });
    await within(result).findByText(/服务器发现 1 个错误/);
    expect(result.textContent).toContain('C6');
    const bar = within(result).getByText('报送成功：第 1 版，共 3 条记录。').closest('.fui-MessageBar')!;
    // Fluent names no intent in the DOM: compare with the classes a warning bar gets.
    const { container } = render(<MessageBar intent="warning"><MessageBarBody>x</MessageBarBody></MessageBar>);
    expect(bar.className).toBe(container.querySelector('.fui-MessageBar')!.className);
    // The request carried the column letters, so the server could name cells.
    expect((api.calls.find((c) => c.method === 'POST')?.body as SubmissionRequest).columns).toMatchObject({ date: expect.any(String) });
  });

  test('with warnings only, the result does not ask to correct and submit again', async () => {
    const warning = { row: 6, cell: 'F6', field: 'publication', severity: 'warning', code: 'lecture-unpublished', message: '第6行 F6：专题讲座未填写刊发情况。' };
    const api = scriptedFetch({ 'POST /api/submissions?dryRun': preview(), 'POST /api/submissions': stored({ issues: [warning] }) });
    renderPane(api.fetch, { apiUrl: '', apiKey: 'k', provinceId: 'guizhou' });
    await submitTab();
    await previewAndSubmit();
    const result = await screen.findByRole('region', { name: '报送结果' });
    await within(result).findByText(/1 个提醒/);
    expect(result.textContent).not.toContain('请更正后重新报送');
  });
});

describe('central mode', () => {
  const aggregate: AggregateResponse = {
    campaignId: '2017-batch-4',
    month: '2017-12',
    asOf: '2017-12-31',
    points: DEFAULT_CAMPAIGN.points.map((p) => ({
      liaisonPointId: p.id,
      name: p.name,
      provinceId: p.provinceId,
      provinceName: DEFAULT_CAMPAIGN.provinces.find((x) => x.id === p.provinceId)!.name,
      complete: p.id === 'guizhou-bijie',
      missing: p.id === 'guizhou-bijie' ? [] : ['lecture'],
      requirements: [],
      countsByType: {},
      lastActivityDate: null,
    })),
    provinces: DEFAULT_CAMPAIGN.provinces.map((p) => ({
      provinceId: p.id,
      name: p.name,
      submitted: p.id === 'guizhou',
      version: p.id === 'guizhou' ? 1 : null,
      submittedAt: null,
      late: false,
    })),
    records: [],
    countsByType: {},
  };

  test('a provincial key shows no central screens; the central key unlocks pull and download', async () => {
    const province = scriptedFetch({ 'GET /api/campaigns/2017-batch-4': campaignOk, 'GET /api/me': meGuizhou, 'GET /api/aggregate': forbidden });
    const first = renderPane(province.fetch, { apiUrl: '', apiKey: 'p', provinceId: '' });
    fireEvent.click(await screen.findByRole('tab', { name: '设置' }));
    fireEvent.click(screen.getByRole('button', { name: '保存并验证' }));
    await screen.findByText('已验证：贵州省的报送密钥');
    expect(screen.queryByRole('tab', { name: '中央汇总' })).toBeNull();
    void first;
  });

  test('pull writes the three aggregate sheets; download saves the API\'s report file', async () => {
    const api = scriptedFetch({
      'GET /api/campaigns/2017-batch-4': campaignOk,
      'GET /api/me': { status: 200, body: { role: 'central' } },
      'GET /api/aggregate': { status: 200, body: aggregate },
      // The pane reads the lean aggregate, then the records in pages.
      'GET /api/aggregate/records': { status: 200, body: { records: aggregate.records, continuation: null } },
      'GET /api/reports/monthly': { status: 200, body: { fake: 'xlsx bytes' } },
    });
    const { port, downloads } = renderPane(api.fetch, { apiUrl: '', apiKey: 'central', provinceId: '' });
    fireEvent.click(await screen.findByRole('tab', { name: '中央汇总' }));
    fireEvent.click(screen.getByRole('button', { name: '拉取汇总' }));
    await screen.findByText('已写入「汇总」「完成情况」「报送情况」：0 条记录，1/12 个联系点已完成，11 个省份未报送。');
    expect(port.written.map((m) => m.name)).toEqual(expect.arrayContaining(['汇总', '完成情况', '报送情况']));

    fireEvent.click(screen.getByRole('button', { name: '下载月报 .xlsx' }));
    await waitFor(() => expect(downloads).toHaveLength(1));
    expect(downloads[0].name).toMatch(/2017年12月/);
    const reportCall = api.calls.find((c) => c.path === '/api/reports/monthly');
    expect(reportCall?.key).toBe('central');

    // The Word report sits beside the workbook, one click too.
    fireEvent.click(screen.getByRole('button', { name: '下载月报 Word（.docx）' }));
    await waitFor(() => expect(downloads).toHaveLength(2));
    expect(downloads[1].name).toBe('联系点工作月报_2017年12月.docx');
  });
});
