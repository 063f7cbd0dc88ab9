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
    calls.push({ method, path: url.pathname, key: headers['x-api-key'], body: init?.body ? JSON.parse(String(init.body)) : null });
    const entry = script[`${method} ${url.pathname}`];
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

describe('报送', () => {
  test.each([
    ['offline', 'offline' as const, /无法连接到服务器（\/api\/submissions）/],
    ['401', { status: 401, body: { error: { code: 'unauthorized', message: '密钥无效' } } }, /API 密钥无效或缺失（401）/],
    ['403', forbidden, /此密钥无权执行该操作（403）/],
    ['413', { status: 413, body: { error: { code: 'too-large', message: '太大' } } }, /数据太大，服务器拒收（413）/],
    ['400', { status: 400, body: { error: { code: 'unknown-point', message: '第5行 B5：未知联系点', messageEn: 'Row 5 B5: unknown point' } } }, /服务器拒收（400）：第5行 B5：未知联系点/],
  ])('%s: says what happened in Chinese, and a retry resends the same submission', async (_name, failure, message) => {
    const ok = { status: 201, body: { submissionId: 's1', version: 1, recordCount: 3, issues: [] } };
    const api = scriptedFetch({
      'GET /api/campaigns/2017-batch-4': campaignOk,
      'GET /api/aggregate': forbidden,
      'POST /api/submissions': [failure, ok],
    });
    renderPane(api.fetch, { apiUrl: '', apiKey: 'guizhou-key', provinceId: '' });
    await submitTab();
    fireEvent.click(screen.getByRole('button', { name: '检查并报送' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(message);

    fireEvent.click(screen.getByRole('button', { name: '重试' }));
    await screen.findByText('报送成功：第 1 版，共 3 条记录。');
    const posts = api.calls.filter((c) => c.method === 'POST');
    expect(posts).toHaveLength(2);
    expect(posts[1].body).toEqual(posts[0].body);
    const sent = posts[0].body as SubmissionRequest;
    expect(sent).toMatchObject({ campaignId: '2017-batch-4', provinceId: 'guizhou', source: { file: '贵州台账.xlsx', sheet: '台账' } });
    expect(sent.records).toHaveLength(3);
    expect(posts[0].key).toBe('guizhou-key');
  });

  test('a duplicate is reported as such, with the server\'s version', async () => {
    const api = scriptedFetch({
      'GET /api/campaigns/2017-batch-4': campaignOk,
      'GET /api/aggregate': forbidden,
      'POST /api/submissions': { status: 200, body: { submissionId: 's1', version: 4, recordCount: 3, issues: [], duplicate: true } },
    });
    renderPane(api.fetch, { apiUrl: 'https://api.example.org/', apiKey: 'k', provinceId: 'guizhou' });
    await submitTab();
    fireEvent.click(screen.getByRole('button', { name: '检查并报送' }));
    await screen.findByText('服务器上已有相同内容（第 4 版），本次未重复计入。');
    expect(api.calls.find((c) => c.method === 'POST')?.path).toBe('/api/submissions');
  });

  test('without a key the pane asks for one and sends nothing', async () => {
    const api = scriptedFetch({});
    renderPane(api.fetch, { apiUrl: '', apiKey: '', provinceId: '' });
    await submitTab();
    fireEvent.click(screen.getByRole('button', { name: '检查并报送' }));
    await screen.findByText('请先在「设置」中填写 API 密钥。');
    expect(api.calls).toEqual([]);
    // The message takes the user where the key goes.
    fireEvent.click(within(screen.getByRole('alert')).getByRole('button', { name: '设置' }));
    expect(await screen.findByLabelText('API 密钥')).toBeTruthy();
  });

  test('a submission the server found errors in is stored, but not shown as a plain success', async () => {
    const issue = { row: 6, cell: 'C6', field: 'date', severity: 'error', code: 'date-out-of-period', message: '第6行 C6：活动日期不在活动期间。', messageEn: 'Row 6, C6: out of period.' };
    const api = scriptedFetch({
      'POST /api/submissions': { status: 201, body: { submissionId: 's1', version: 1, recordCount: 3, issues: [issue], duplicate: false } },
    });
    renderPane(api.fetch, { apiUrl: '', apiKey: 'k', provinceId: 'guizhou' });
    await submitTab();
    fireEvent.click(screen.getByRole('button', { name: '检查并报送' }));
    const result = await screen.findByRole('region', { name: '报送结果' });
    await within(result).findByText(/服务器发现 1 个错误/);
    const bar = within(result).getByText('报送成功：第 1 版，共 3 条记录。').closest('.fui-MessageBar')!;
    // Fluent names no intent in the DOM: compare with the classes a warning bar gets.
    const { container } = render(<MessageBar intent="warning"><MessageBarBody>x</MessageBarBody></MessageBar>);
    expect(bar.className).toBe(container.querySelector('.fui-MessageBar')!.className);
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
    const province = scriptedFetch({ 'GET /api/campaigns/2017-batch-4': campaignOk, 'GET /api/aggregate': forbidden });
    const first = renderPane(province.fetch, { apiUrl: '', apiKey: 'p', provinceId: '' });
    fireEvent.click(await screen.findByRole('tab', { name: '设置' }));
    fireEvent.click(screen.getByRole('button', { name: '保存并验证' }));
    await screen.findByText('已验证：省级密钥。');
    expect(screen.queryByRole('tab', { name: '中央汇总' })).toBeNull();
    void first;
  });

  test('pull writes the three aggregate sheets; download saves the API\'s report file', async () => {
    const api = scriptedFetch({
      'GET /api/campaigns/2017-batch-4': campaignOk,
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
  });
});
