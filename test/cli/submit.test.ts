// `liaison-tracker submit` against a running local stack: the diff is printed, records are not
// removed without --yes, and --yes confirms exactly the snapshot that was previewed.
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { startLocalStack, type TestStack } from '../support';
import { day, tempDir, xlsxOf } from '../xlsx/workbooks';
import { cli } from './run';

const HEADER = ['联系点', '活动日期', '活动类型', '参加领导', '活动主题', '刊发情况'];
const ROWS = [
  ['毕节', day('2017-05-03'), '专题讲座', '张三', '不忘合作初心，继续携手前进', '会刊第5期'],
  ['毕节', day('2017-05-10'), '座谈会', '张三', '座谈交流', null],
  ['毕节', day('2017-05-20'), '看望老同志', '张三', '看望老会员', null],
];

let stack: TestStack;
let dir: string;
beforeAll(async () => {
  stack = await startLocalStack();
  dir = tempDir('submit');
});
afterAll(() => stack.stop());

async function tracker(name: string, rows: unknown[][]): Promise<string> {
  const file = path.join(dir, name);
  writeFileSync(file, await xlsxOf([{ name: '台账', rows: [HEADER, ...rows] as never }]));
  return file;
}

const submit = (file: string, ...extra: string[]) =>
  cli(dir, 'submit', file, '--month', '2017-05', '--api', stack.baseUrl, '--key', stack.keys.provinces.guizhou, ...extra);

test('first a full tracker, then a shorter one: refused without --yes with the removed row listed, stored with it', async () => {
  const full = await submit(await tracker('full.xlsx', ROWS));
  expect(full.stderr).toBe('');
  expect(full.stdout).toContain('报送 2017年5月台账，截止 6月5日');
  expect(full.stdout).toContain('本次 3 条（新增 3 条，删除 0 条，修改 0 条）；此前未报送');
  expect(full.stdout).toContain('第 1 版，共 3 条记录');
  expect(full.code).toBe(0);

  const short = await tracker('short.xlsx', ROWS.slice(0, 2));
  const refused = await submit(short);
  expect(refused.code).toBe(1);
  expect(refused.stdout).toContain('本次 2 条（新增 0 条，删除 1 条，修改 0 条）；上次报送 3 条（2017年5月第 1 版）');
  expect(refused.stdout).toMatch(/删除 \/ removed：\n {2}第4行 2017-05-20 看望老同志 民进贵州省毕节市工委 「看望老会员」/);
  expect(refused.stdout).toContain('未报送');
  const history = await fetch(`${stack.baseUrl}/api/submissions?campaignId=2017-batch-4&provinceId=guizhou`, { headers: { 'x-api-key': stack.keys.provinces.guizhou } });
  expect(((await history.json()) as { submissions: unknown[] }).submissions).toHaveLength(1);

  const confirmed = await submit(short, '--yes');
  expect(confirmed.code).toBe(0);
  expect(confirmed.stdout).toContain('第 2 版，共 2 条记录');
});

test('a key of another province is refused, naming both provinces', async () => {
  const res = await cli(dir, 'submit', await tracker('bj.xlsx', ROWS), '--month', '2017-05', '--api', stack.baseUrl, '--key', stack.keys.provinces.beijing, '--province', 'guizhou');
  expect(res.code).toBe(2);
  expect(res.stderr).toContain('北京市');
  expect(res.stderr).toContain('贵州省');
});
