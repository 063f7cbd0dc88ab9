// Bug: deleting the province check of the .xlsx upload route passed every API suite (all 403
// tests sent JSON). A province key uploading another province's workbook is refused, nothing stored.
import ExcelJS from 'exceljs';
import { XLSX_CONTENT_TYPE as XLSX } from '../../shared/api';
import { CAMPAIGN, call, useTestStorage } from './helpers';

const env = useTestStorage();

async function tracker(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('台账');
  ws.addRow(['联系点', '活动日期', '活动类型', '活动主题']);
  ws.addRow(['毕节', '2017-05-03', '专题讲座', '不忘合作初心']);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

test('an .xlsx upload for another province is refused with 403 and stores nothing', async () => {
  const bytes = await tracker();
  const upload = (key: string) =>
    call('submissions-create', { key, bytes, contentType: XLSX, query: { campaignId: CAMPAIGN, provinceId: 'guizhou', month: '2017-05' } });
  const foreign = await upload(env.keys.beijing);
  expect(foreign.status).toBe(403);
  expect(foreign.json.error).toMatchObject({ code: 'province-forbidden', details: { keyProvinceId: 'beijing', provinceId: 'guizhou' } });
  expect(await env.repo.listSummaries(CAMPAIGN, 'guizhou')).toEqual([]);
  const own = await upload(env.keys.guizhou);
  expect(own.status).toBe(201);
});
