// `liaison-tracker keys create`: prints a working key once and stores only its hash; `keys revoke` removes it.
import { runCli } from '../../cli/main';
import { hashKey } from '../../functions/src/keys';
import { openStorage } from '../../functions/src/storage/clients';
import { Repository } from '../../functions/src/storage/repository';
import { startAzurite, uniquePrefix } from '../support';

let azurite: Awaited<ReturnType<typeof startAzurite>>;
beforeAll(async () => {
  azurite = await startAzurite();
});
afterAll(() => azurite.stop());

async function cli(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) } });
  return { code, stdout, stderr };
}

test('a province key and a central key are created, work, and are stored only as hashes', async () => {
  const prefix = uniquePrefix();
  const storage = ['--storage', azurite.connectionString, '--prefix', prefix];
  const province = await cli(['keys', 'create', '--province', 'guizhou', ...storage]);
  expect(province.code).toBe(0);
  const key = province.stdout.trim();
  expect(key).toMatch(/^lt_guizhou_[\w-]{32}$/);
  expect(province.stderr).toMatch(/不会再次显示/);
  const central = await cli(['keys', 'create', '--central', ...storage]);
  expect(central.code).toBe(0);

  const repo = new Repository(openStorage({ connectionString: azurite.connectionString, prefix }));
  expect(await repo.findKey(hashKey(key))).toEqual({ role: 'province', provinceId: 'guizhou' });
  expect(await repo.findKey(hashKey(central.stdout.trim()))).toEqual({ role: 'central' });
  const stored = [];
  for await (const e of repo.clients.keys.listEntities()) stored.push(JSON.stringify(e));
  expect(stored).toHaveLength(2);
  expect(stored.some((s) => s.includes(key) || s.includes(central.stdout.trim()))).toBe(false);
});

test.each([
  [['keys', 'create'], /--province/],
  [['keys', 'create', '--central', '--province', 'guizhou'], /--province/],
  [['keys', 'create', '--province', 'atlantis'], /atlantis/],
])('bad use exits 2 with a reason: %j', async (args, reason) => {
  const res = await cli([...args, '--storage', azurite.connectionString, '--prefix', uniquePrefix()]);
  expect(res.code).toBe(2);
  expect(res.stderr).toMatch(reason);
  expect(res.stdout).toBe('');
});

test('a revoked key is gone from storage; revoking it again says there is no such key', async () => {
  const prefix = uniquePrefix();
  const storage = ['--storage', azurite.connectionString, '--prefix', prefix];
  const key = (await cli(['keys', 'create', '--province', 'hainan', ...storage])).stdout.trim();
  const repo = new Repository(openStorage({ connectionString: azurite.connectionString, prefix }));
  expect(await repo.findKey(hashKey(key))).toEqual({ role: 'province', provinceId: 'hainan' });

  const revoked = await cli(['keys', 'revoke', key, ...storage]);
  expect(revoked).toMatchObject({ code: 0, stdout: '' });
  expect(revoked.stderr).toMatch(/已吊销/);
  expect(await repo.findKey(hashKey(key))).toBeNull();

  const again = await cli(['keys', 'revoke', key, ...storage]);
  expect(again.code).toBe(2);
  expect(again.stderr).toMatch(/没有这个密钥/);
});
