// `npm start`: Azurite (data under .data/azurite, so a restart keeps it), the API on our local
// host (port 7071), development keys (printed, kept in .dev-keys.json), and the task pane's dev
// server when the add-in is there. Ctrl-C stops everything.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startStack, type LocalStack, type StackKeys } from './local-stack';

const root = resolve(__dirname, '..', '..');
const KEYS_FILE = join(root, '.dev-keys.json');
const DATA_DIR = join(root, '.data', 'azurite');
const VITE_CONFIG = join(root, 'addin', 'vite.config.mts');

function readKeys(): Partial<StackKeys> {
  if (!existsSync(KEYS_FILE)) return {};
  try {
    return JSON.parse(readFileSync(KEYS_FILE, 'utf8')) as Partial<StackKeys>;
  } catch {
    console.warn('[start] .dev-keys.json 无法读取，将生成新密钥 / unreadable, new keys will be created');
    return {};
  }
}

function startVite(): ChildProcess | null {
  if (!existsSync(VITE_CONFIG)) return null;
  // The vite CLI itself (not npx), so the PID we hold is the server's own.
  const bin = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  return spawn(process.execPath, [bin, '--config', VITE_CONFIG], { cwd: root, stdio: 'inherit' });
}

function print(stack: LocalStack, vite: boolean): void {
  const api = `${stack.baseUrl}/api`;
  const lines = [
    '',
    '联系点工作台账 · 本地服务已启动 / Liaison Tracker is running locally',
    `  API:            ${api}   (健康检查 / health: ${api}/health)`,
    `  Azurite:        table ${stack.azurite.tableUrl}, blob ${stack.azurite.blobUrl}`,
    `  数据 / data:    ${DATA_DIR}`,
    vite ? '  任务窗格 / task pane: https://localhost:3000 (vite)' : '',
    '',
    `开发密钥（已写入 ${KEYS_FILE}）/ development keys:`,
    `  central      ${stack.keys.central}`,
    ...Object.entries(stack.keys.provinces).map(([id, key]) => `  ${id.padEnd(12)} ${key}`),
    '',
    '试一试 / try（预览，不保存 / a preview, nothing is stored）:',
    `  curl -s -X POST '${api}/submissions?dryRun=1' -H 'content-type: application/json' -H 'x-api-key: ${stack.keys.provinces.guizhou}' \\`,
    `    -d '{"campaignId":"2017-batch-4","provinceId":"guizhou","month":"2017-05","records":[{"row":2,"liaisonPointId":"guizhou-bijie","date":"2017-05-03","type":"lecture","leader":"（待定）","title":"不忘合作初心，继续携手前进","publication":"会刊第5期"}]}'`,
    `  curl -s '${api}/submissions?campaignId=2017-batch-4&provinceId=guizhou' -H 'x-api-key: ${stack.keys.provinces.guizhou}'`,
    `  curl -s '${api}/aggregate?campaignId=2017-batch-4&month=2017-05' -H 'x-api-key: ${stack.keys.central}'`,
    '',
    '按 Ctrl-C 停止 / press Ctrl-C to stop.',
  ];
  console.log(lines.filter((l, i) => l !== '' || lines[i - 1] !== '').join('\n'));
}

async function main(): Promise<void> {
  mkdirSync(DATA_DIR, { recursive: true });
  const stack = await startStack({
    azurite: { location: DATA_DIR, tablePort: 10002, blobPort: 10000 },
    port: Number(process.env.PORT ?? 7071),
    keys: readKeys(),
  });
  writeFileSync(KEYS_FILE, `${JSON.stringify(stack.keys, null, 2)}\n`, { mode: 0o600 });
  const vite = startVite();
  print(stack, vite !== null);

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    console.log('\n[start] 正在停止 / stopping…');
    if (vite?.pid !== undefined && vite.exitCode === null) vite.kill('SIGTERM');
    await stack.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
  vite?.on('exit', (code) => {
    if (!stopping) console.error(`[start] 任务窗格开发服务器已退出 / the task-pane dev server exited (${code})`);
  });
}

main().catch((err: unknown) => {
  const message = err instanceof Error ? err.message : String(err);
  console.error(`[start] 启动失败 / failed to start: ${message}`);
  if (/EADDRINUSE/.test(message)) console.error('[start] 端口被占用：是否已有一个 npm start 或 Azurite 在运行？/ a port is in use: is another npm start or Azurite running?');
  process.exit(1);
});
