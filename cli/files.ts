// File input for the commands (Node I/O stays in cli/).
import { readFile, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { CampaignError, DEFAULT_CAMPAIGN, parseCampaign, type Campaign } from '../shared';
import { CliError, type CliContext, type OptionSpec } from './command';

export function resolvePath(ctx: CliContext, file: string): string {
  return path.resolve(ctx.cwd, file);
}

export async function readInput(ctx: CliContext, file: string): Promise<Buffer> {
  try {
    return await readFile(resolvePath(ctx, file));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new CliError(`找不到文件：${file}`, `File not found: ${file}`);
    if (code === 'EISDIR') throw new CliError(`${file} 是文件夹，不是文件。`, `${file} is a directory, not a file.`);
    throw new CliError(`无法读取文件 ${file}：${String(error)}`, `Cannot read ${file}: ${String(error)}`);
  }
}

export async function writeOutput(ctx: CliContext, file: string, data: Uint8Array): Promise<void> {
  try {
    await writeFile(resolvePath(ctx, file), data);
  } catch (error) {
    throw new CliError(`无法写入文件 ${file}：${String(error)}`, `Cannot write ${file}: ${String(error)}`);
  }
}

/** A text file as UTF-8, without a byte-order mark. */
export async function readText(ctx: CliContext, file: string): Promise<string> {
  return new TextDecoder('utf-8').decode(await readInput(ctx, file));
}

/** `--campaign FILE.json`, read by loadCampaign. */
export const CAMPAIGN_OPTION: OptionSpec = {
  name: 'campaign',
  value: 'FILE.json',
  zh: '活动配置文件（默认内置的第四批联系点）',
  en: 'campaign file (default: the embedded 2017-batch-4)',
};

/** The campaign of `--campaign FILE.json`, or the embedded default. */
export async function loadCampaign(ctx: CliContext, file: string | undefined): Promise<Campaign> {
  if (file === undefined) return DEFAULT_CAMPAIGN;
  const text = await readText(ctx, file);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new CliError(`活动配置文件 ${file} 不是有效的 JSON：${reason}`, `Campaign file ${file} is not valid JSON: ${reason}`);
  }
  try {
    return parseCampaign(json);
  } catch (error) {
    if (error instanceof CampaignError) {
      const where = error.path ? `（位置：${error.path}）` : '';
      throw new CliError(
        `活动配置文件 ${file} 有误${where}：${error.message}`,
        `Campaign file ${file} is invalid${error.path ? ` at ${error.path}` : ''}: ${error.messageEn}`,
      );
    }
    throw error;
  }
}
