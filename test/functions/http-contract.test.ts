// The HTTP contract end to end: fetch → our node:http host → the route table → Azurite.
import ExcelJS from 'exceljs';
import { startLocalStack, type TestStack } from '../support';
import { CAMPAIGN, completeSet, rec, submission, type Answer } from './helpers';

let stack: TestStack;
let api: string;

beforeAll(async () => {
  stack = await startLocalStack();
  api = `${stack.baseUrl}/api`;
});
afterAll(() => stack.stop());

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function post(body: string | Buffer, key: string | undefined, contentType = 'application/json', query = '') {
  const headers: Record<string, string> = { 'content-type': contentType };
  if (key) headers['x-api-key'] = key;
  const res = await fetch(`${api}/submissions${query}`, { method: 'POST', headers, body });
  return { status: res.status, json: (await res.json()) as Answer };
}

const get = async (path: string, key?: string) => {
  const res = await fetch(`${api}/${path}`, { headers: key ? { 'x-api-key': key } : {} });
  return { status: res.status, json: (await res.json()) as Answer, headers: res.headers };
};

/** A provincial tracker as people keep it: a merged title row, Chinese headers, text dates, free-text types. */
async function messyTracker(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('毕节台账');
  ws.addRow(['民进贵州省委联系点工作台账（2017年）']);
  ws.mergeCells('A1:F1');
  ws.addRow(['联系点', '活动时间', '活动形式', '参加领导', '活动主题', '刊发情况']);
  ws.addRow(['毕节', '2017年5月3日', '举办专题讲座', '王副主席', '不忘合作初心，继续携手前进', '会刊第5期']);
  ws.addRow(['民进毕节市工委', '2017.5.10', '召开座谈会', '王副主席', '基层组织建设座谈', '']);
  ws.addRow(['毕节市工委', new Date(Date.UTC(2017, 4, 20)), '看望慰问老同志、老会员', '王副主席', '走访老会员', '']);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

test('curl-style flow: submit JSON, then the aggregate shows the point complete', async () => {
  const sent = await post(JSON.stringify(submission('guizhou', '2017-05', completeSet('guizhou-bijie'))), stack.keys.provinces.guizhou);
  expect(sent.status).toBe(201);
  const agg = await get(`aggregate?campaignId=${CAMPAIGN}&month=2017-05`, stack.keys.central);
  expect(agg.status).toBe(200);
  const bijie = agg.json.points.find((p: { liaisonPointId: string }) => p.liaisonPointId === 'guizhou-bijie');
  expect(bijie).toMatchObject({ complete: true, missing: [], provinceName: '贵州省' });
  expect(agg.json.provinces.find((p: { provinceId: string }) => p.provinceId === 'guizhou')).toMatchObject({ submitted: true, version: 1 });
  expect(agg.json.provinces.filter((p: { submitted: boolean }) => !p.submitted)).toHaveLength(11);
});

test('an .xlsx upload is read on the server with the shared reader', async () => {
  const bytes = await messyTracker();
  const res = await post(Buffer.from(bytes), stack.keys.provinces.guizhou, XLSX, `?campaignId=${CAMPAIGN}&provinceId=guizhou&month=2017-06&file=${encodeURIComponent('毕节.xlsx')}`);
  expect(res.status).toBe(201);
  expect(res.json.recordCount).toBe(3);
  expect(res.json.issues.filter((i: { severity: string }) => i.severity === 'error')).toEqual([]);
  const detail = await get(`submissions/${encodeURIComponent(res.json.submissionId)}`, stack.keys.provinces.guizhou);
  expect(detail.json.records.map((r: { liaisonPointId: string; type: string; date: string }) => [r.liaisonPointId, r.type, r.date])).toEqual([
    ['guizhou-bijie', 'lecture', '2017-05-03'],
    ['guizhou-bijie', 'symposium', '2017-05-10'],
    ['guizhou-bijie', 'veteran-visit', '2017-05-20'],
  ]);
  expect(detail.json.source).toEqual({ file: '毕节.xlsx', sheet: '毕节台账' });
  const original = await fetch(`${api}/submissions/${encodeURIComponent(res.json.submissionId)}/original`, { headers: { 'x-api-key': stack.keys.provinces.guizhou } });
  expect(original.headers.get('content-type')).toBe(XLSX);
  expect(Buffer.from(await original.arrayBuffer()).equals(Buffer.from(bytes))).toBe(true);
  const again = await post(Buffer.from(bytes), stack.keys.provinces.guizhou, XLSX, `?campaignId=${CAMPAIGN}&provinceId=guizhou&month=2017-06`);
  expect(again).toMatchObject({ status: 200, json: { duplicate: true, version: res.json.version } });
});

test.each([
  ['invalid JSON', 400, 'invalid-json', '{"campaignId": "2017-batch-4", records: [}'],
  ['not an object', 400, 'invalid-body', '[1,2]'],
  ['records not an array', 400, 'invalid-body', JSON.stringify({ ...submission('guizhou', '2017-05', []), records: 'none' })],
  ['row of the wrong type', 400, 'invalid-body', JSON.stringify(submission('guizhou', '2017-05', [{ ...rec(2, 'guizhou-bijie', '2017-05-01', 'lecture'), row: '2' } as never]))],
  ['unknown type code', 400, 'invalid-body', JSON.stringify(submission('guizhou', '2017-05', [{ ...rec(2, 'guizhou-bijie', '2017-05-01', 'lecture'), type: 'party' } as never]))],
  ['date not ISO', 400, 'invalid-body', JSON.stringify(submission('guizhou', '2017-05', [rec(2, 'guizhou-bijie', '5月1日', 'lecture')]))],
  ['bad month', 400, 'invalid-body', JSON.stringify(submission('guizhou', '2017-5', []))],
  ['month outside the period', 400, 'month-out-of-period', JSON.stringify(submission('guizhou', '2018-01', []))],
  ['unknown campaign', 404, 'campaign-not-found', JSON.stringify({ ...submission('guizhou', '2017-05', []), campaignId: 'no-such' })],
])('bad input: %s → %i %s', async (_label, status, code, body) => {
  const res = await post(body, stack.keys.provinces.guizhou);
  expect(res.status).toBe(status);
  expect(res.json.error.code).toBe(code);
  expect(res.json.error.message).toMatch(/[\u4e00-\u9fff]/);
  expect(typeof res.json.error.messageEn).toBe('string');
});

test('a wrong-typed field is named by its path', async () => {
  const res = await post(JSON.stringify(submission('guizhou', '2017-05', [rec(2, 'guizhou-bijie', '2017-05-01', 'lecture'), { ...rec(3, null, null, null), participants: '八十' } as never])), stack.keys.provinces.guizhou);
  expect(res.json.error.details.path).toBe('records[1].participants');
  expect(res.json.error.message).toContain('records[1].participants');
});

test('unknown province: 400 with the known ids (central key, so access is not what stops it)', async () => {
  const res = await post(JSON.stringify(submission('atlantis', '2017-05', [])), stack.keys.central);
  expect(res.status).toBe(400);
  expect(res.json.error.code).toBe('province-unknown');
  expect(res.json.error.details.known).toContain('guizhou');
});

test('a corrupt .xlsx and a workbook without a tracker are refused with 400', async () => {
  const q = `?campaignId=${CAMPAIGN}&provinceId=guizhou&month=2017-05`;
  const corrupt = await post(Buffer.from('PK\u0003\u0004 this is not really a zip'), stack.keys.provinces.guizhou, XLSX, q);
  expect(corrupt.status).toBe(400);
  expect(corrupt.json.error.code).toBe('xlsx-unreadable');
  // The reader goes by the bytes: text sent under the .xlsx type is read as a CSV table (here without a tracker).
  const text = await post(Buffer.from('联系点,日期\n毕节,2017-05-01'), stack.keys.provinces.guizhou, XLSX, q);
  expect(text.json.error).toMatchObject({ code: 'no-tracker' });
  const pdf = await post(Buffer.from('%PDF-1.7\n\u0000\u0001'), stack.keys.provinces.guizhou, XLSX, q);
  expect(pdf.json.error).toMatchObject({ code: 'xlsx-unreadable', details: { reason: 'not-a-workbook' } });
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('说明').addRow(['这里没有台账']);
  const empty = await post(Buffer.from(await wb.xlsx.writeBuffer()), stack.keys.provinces.guizhou, XLSX, q);
  expect(empty.status).toBe(400);
  expect(empty.json.error.code).toBe('no-tracker');
});

test('oversized bodies get 413, too many records 400, other content types 415', async () => {
  const big = JSON.stringify({ ...submission('guizhou', '2017-05', []), padding: 'x'.repeat(8 * 1024 * 1024) });
  const json = await post(big, stack.keys.provinces.guizhou);
  expect(json.status).toBe(413);
  expect(json.json.error).toMatchObject({ code: 'body-too-large', details: { limitBytes: 8 * 1024 * 1024 } });
  const huge = await post(Buffer.alloc(11 * 1024 * 1024, 1), stack.keys.provinces.guizhou, XLSX, `?campaignId=${CAMPAIGN}&provinceId=guizhou&month=2017-05`);
  expect(huge.status).toBe(413);
  const many = Array.from({ length: 20_001 }, (_, i) => rec(i + 2, 'guizhou-bijie', '2017-05-01', 'symposium'));
  const tooMany = await post(JSON.stringify(submission('guizhou', '2017-05', many)), stack.keys.provinces.guizhou);
  expect(tooMany.status).toBe(400);
  expect(tooMany.json.error).toMatchObject({ code: 'too-many-records', details: { limit: 20_000, count: 20_001 } });
  const png = await post('a,b', stack.keys.provinces.guizhou, 'image/png');
  expect(png.status).toBe(415);
  // A CSV is a tracker format now: read, and here without a tracker.
  const csv = await post('a,b', stack.keys.provinces.guizhou, 'text/csv', `?campaignId=${CAMPAIGN}&provinceId=guizhou&month=2017-05`);
  expect(csv.json.error.code).toBe('no-tracker');
});

test('keys: missing 401, wrong 401, another province 403; health needs none', async () => {
  const body = JSON.stringify(submission('guizhou', '2017-05', completeSet('guizhou-bijie')));
  expect((await post(body, undefined)).json.error.code).toBe('key-missing');
  expect((await post(body, 'lt_guizhou_forged')).status).toBe(401);
  const other = await post(body, stack.keys.provinces.beijing);
  expect(other.status).toBe(403);
  expect(other.json.error.code).toBe('province-forbidden');
  expect((await get('health')).status).toBe(200);
});

test('unknown routes 404, wrong methods 405, CORS preflight answered for the task pane only', async () => {
  expect((await get('nothing-here', stack.keys.central)).json.error.code).toBe('route-not-found');
  const del = await fetch(`${api}/aggregate`, { method: 'DELETE' });
  expect(del.status).toBe(405);
  const pre = await fetch(`${api}/submissions`, {
    method: 'OPTIONS',
    headers: { origin: 'https://localhost:3000', 'access-control-request-method': 'POST', 'access-control-request-headers': 'x-api-key, content-type' },
  });
  expect(pre.status).toBe(204);
  expect(pre.headers.get('access-control-allow-origin')).toBe('https://localhost:3000');
  expect(pre.headers.get('access-control-allow-headers')).toMatch(/x-api-key/);
  // Bug: any origin was reflected. Only the allow-list (the task pane's origin by default) is answered.
  const health = await fetch(`${api}/health`, { headers: { origin: 'https://example.org' } });
  expect(health.headers.get('access-control-allow-origin')).toBeNull();
  const foreign = await fetch(`${api}/submissions`, { method: 'OPTIONS', headers: { origin: 'https://example.org', 'access-control-request-method': 'POST' } });
  expect(foreign.status).toBe(403);
  expect(((await foreign.json()) as Answer).error.code).toBe('origin-not-allowed');
});
