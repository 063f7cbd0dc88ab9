// The API takes the tracker file in any format the reading layer reads: the same tracker as .xlsx,
// .xls, .ods and GBK .csv gives the same records (the repeat is recognised as a duplicate), the
// same issues, and the original is stored as it came.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { HttpRequest, InvocationContext } from '@azure/functions';
import { routeHandler, routes } from '../../functions/src/routes';
import { FORMATS_DIR } from '../fixtures/formats/make';
import { CAMPAIGN, call, useTestStorage } from './helpers';

const env = useTestStorage();
const bytes = (file: string) => new Uint8Array(readFileSync(path.join(FORMATS_DIR, file)));
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const target = (month: string) => ({ campaignId: CAMPAIGN, provinceId: 'guizhou', month });

const UPLOADS: [string, string, Record<string, string>][] = [
  ['tracker.xls', 'application/vnd.ms-excel', {}],
  ['tracker.ods', 'application/vnd.oasis.opendocument.spreadsheet', {}],
  ['tracker-gbk.csv', 'text/csv', {}],
  ['tracker.xls', 'application/octet-stream', { format: 'xls' }],
];

test.each(UPLOADS)('%s (%s) checks as the .xlsx does and is stored as it came', async (file, contentType, extra) => {
  const fromXlsx = await call('submissions-create', { key: env.keys.guizhou, bytes: bytes('tracker.xlsx'), contentType: XLSX, query: target('2017-05') });
  expect(fromXlsx.status).toBe(201);
  expect(fromXlsx.json.recordCount).toBe(5);
  // The same records as the current version: a duplicate, nothing stored.
  const same = await call('submissions-create', { key: env.keys.guizhou, bytes: bytes(file), contentType, query: { ...target('2017-05'), ...extra } });
  expect(same.status).toBe(200);
  expect(same.json).toMatchObject({ duplicate: true, version: 1 });
  expect(same.json.issues).toEqual(fromXlsx.json.issues);
  const next = await call('submissions-create', { key: env.keys.guizhou, bytes: bytes(file), contentType, query: { ...target('2017-06'), ...extra, file } });
  expect(next.status).toBe(201);
  const original = await call('submission-original', { key: env.keys.guizhou, params: { id: next.json.submissionId } });
  expect(original.status).toBe(200);
  expect(original.headers['content-type']).toBe(extra.format ? 'application/vnd.ms-excel' : contentType);
  const route = routes.find((r) => r.name === 'submission-original');
  const raw = await routeHandler(route!)(
    new HttpRequest({ method: 'GET', url: 'http://localhost/api/x', headers: { 'x-api-key': env.keys.guizhou }, params: { id: next.json.submissionId } }),
    new InvocationContext({ functionName: 'x', invocationId: 'x' }),
  );
  expect(Buffer.from(raw.body as Uint8Array).equals(Buffer.from(bytes(file)))).toBe(true);
});

test('a bad ?format= is 400 format-invalid; octet-stream without one is 415 naming the formats', async () => {
  const bad = await call('submissions-create', { key: env.keys.guizhou, bytes: bytes('tracker.xls'), contentType: 'application/octet-stream', query: { ...target('2017-05'), format: 'docx' } });
  expect(bad.status).toBe(400);
  expect(bad.json.error.code).toBe('format-invalid');
  const none = await call('submissions-create', { key: env.keys.guizhou, bytes: bytes('tracker.xls'), contentType: 'application/octet-stream', query: target('2017-05') });
  expect(none.status).toBe(415);
  expect(none.json.error.details.formats).toEqual(expect.arrayContaining(['xlsx', 'xls', 'ods', 'csv']));
});

test('an encrypted workbook and a chart-only workbook get their own reasons', async () => {
  const { encryptedOoxml, chartOnlyXlsx } = await import('../xlsx/crafted.js');
  const enc = await call('submissions-create', { key: env.keys.guizhou, bytes: encryptedOoxml(), contentType: XLSX, query: target('2017-05') });
  expect(enc.status).toBe(400);
  expect(enc.json.error).toMatchObject({ code: 'xlsx-unreadable', details: { reason: 'encrypted' } });
  expect(enc.json.error.message).toContain('设有打开密码');
  const chart = await call('submissions-create', { key: env.keys.guizhou, bytes: chartOnlyXlsx(), contentType: XLSX, query: target('2017-05') });
  expect(chart.json.error).toMatchObject({ code: 'xlsx-unreadable', details: { reason: 'no-worksheet' } });
});
