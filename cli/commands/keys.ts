// `liaison-tracker keys create --province guizhou | --central`: creates an API key, stores only
// its hash, and prints the key once. `keys revoke KEY` removes one.
import { CHINA_PROVINCES, DEFAULT_CAMPAIGN } from '../../shared';
import type { Principal, Repository } from '../../functions/src/storage/repository';
import { CliError, EXIT_OK, EXIT_UNUSABLE, stringOption, type Command, type OptionSpec, type ParsedArgs } from '../command';

const DEV_STORAGE = 'UseDevelopmentStorage=true';

const STORAGE_OPTIONS: OptionSpec[] = [
  {
    name: 'storage',
    value: 'CONNECTION',
    zh: '存储连接字符串（默认取 LIAISON_STORAGE / AzureWebJobsStorage，否则本机 Azurite）',
    en: 'storage connection string (default: LIAISON_STORAGE / AzureWebJobsStorage, else the local Azurite)',
  },
  { name: 'prefix', value: 'NAME', zh: '表名前缀（默认 liaison）', en: 'table name prefix (default liaison)' },
];

/** Runs `work` on the key table the options (or the environment) point at; storage failures become exit 2. */
async function withKeyStorage<T>(args: ParsedArgs, work: (repo: Repository) => Promise<T>): Promise<T> {
  const connectionString = stringOption(args, 'storage') ?? process.env.LIAISON_STORAGE ?? process.env.AzureWebJobsStorage ?? DEV_STORAGE;
  const prefix = stringOption(args, 'prefix') ?? process.env.LIAISON_TABLE_PREFIX ?? 'liaison';
  // The Azure SDKs load only for this command (they are most of the CLI's start-up otherwise).
  const [{ openStorage }, { Repository }] = await Promise.all([
    import('../../functions/src/storage/clients.js'),
    import('../../functions/src/storage/repository.js'),
  ]);
  try {
    return await work(new Repository(openStorage({ connectionString, prefix })));
  } catch (err) {
    const reason = err instanceof Error ? err.message.split('\n')[0] : String(err);
    throw new CliError(
      `无法访问存储（${connectionString === DEV_STORAGE ? '本机 Azurite：请先运行 npm start' : '--storage'}）：${reason}`,
      `Cannot reach storage (${connectionString === DEV_STORAGE ? 'local Azurite: run npm start first' : '--storage'}): ${reason}`,
    );
  }
}

function principalOf(province: string | undefined, central: boolean): Principal {
  if (central === (province !== undefined)) {
    throw new CliError('请指定 --province 省份编号 或 --central 之一。', 'Give exactly one of --province ID or --central.');
  }
  if (central) return { role: 'central' };
  const known = new Set([...DEFAULT_CAMPAIGN.provinces, ...CHINA_PROVINCES].map((p) => p.id));
  if (!known.has(province!)) {
    throw new CliError(
      `未知的省份编号「${province}」（--province）。例如：${DEFAULT_CAMPAIGN.provinces.map((p) => p.id).join('、')}。`,
      `Unknown province id "${province}" (--province), e.g. ${DEFAULT_CAMPAIGN.provinces.map((p) => p.id).join(', ')}.`,
    );
  }
  return { role: 'province', provinceId: province! };
}

export const keysCreateCommand: Command = {
  name: 'keys create',
  args: [],
  options: [
    { name: 'province', value: 'ID', zh: '为该省创建密钥（如 guizhou）', en: 'create a key for this province (e.g. guizhou)' },
    { name: 'central', zh: '创建中央办公室密钥', en: 'create a central office key' },
    { name: 'label', value: 'TEXT', zh: '备注（如持有人）', en: 'a label, e.g. who holds it' },
    ...STORAGE_OPTIONS,
  ],
  zh: '创建访问密钥（只保存其哈希，密钥仅显示这一次）',
  en: 'create an API key (only its hash is stored; the key is shown this once)',
  async run(args, ctx) {
    const principal = principalOf(stringOption(args, 'province'), args.options.central === true);
    const { createKey } = await import('../../functions/src/keys.js');
    const key = await withKeyStorage(args, (repo) => createKey(repo, principal, stringOption(args, 'label') ?? ''));
    const who = principal.role === 'central' ? '中央办公室 / central office' : `${principal.provinceId}`;
    ctx.stderr.write(`已创建密钥（${who}）。请妥善保存，它不会再次显示。\nKey created; keep it safe, it will not be shown again.\n`);
    ctx.stdout.write(`${key}\n`);
    return EXIT_OK;
  },
};

export const keysRevokeCommand: Command = {
  name: 'keys revoke',
  args: ['KEY'],
  options: STORAGE_OPTIONS,
  zh: '吊销访问密钥（一分钟内在各处失效）',
  en: 'revoke an API key (refused everywhere within a minute)',
  async run(args, ctx) {
    const { revokeKey } = await import('../../functions/src/keys.js');
    const revoked = await withKeyStorage(args, (repo) => revokeKey(repo, args.positionals[0]));
    if (!revoked) {
      ctx.stderr.write('没有这个密钥（可能已被吊销）。\nNo such key (it may have been revoked already).\n');
      return EXIT_UNUSABLE;
    }
    ctx.stderr.write('密钥已吊销，一分钟内在各处失效。\nKey revoked; it is refused everywhere within a minute.\n');
    return EXIT_OK;
  },
};
