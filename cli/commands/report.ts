// `liaison-tracker report --month 2017-05 --out 月报.docx`: downloads the monthly report from a
// running API (GET /api/reports/monthly; POST with the remarks in the body) with the central key;
// the file name's ending picks the format.
import { readFile } from 'node:fs/promises';
import type { ApiError } from '../../shared/api';
import { DEFAULT_CAMPAIGN, isIsoMonth } from '../../shared';
import { CliError, EXIT_OK, stringOption, type CliContext, type Command } from '../command';
import { resolvePath, writeOutput } from '../files';

const DEFAULT_API = 'http://127.0.0.1:7071';
const KEYS_FILE = '.dev-keys.json';

/** `--key`, else the central development key that `npm start` wrote to .dev-keys.json. */
async function centralKey(ctx: CliContext, given: string | undefined): Promise<string> {
  if (given !== undefined) return given;
  let text: string;
  try {
    text = await readFile(resolvePath(ctx, KEYS_FILE), 'utf8');
  } catch {
    throw new CliError(
      `未指定 --key，当前目录下也没有 ${KEYS_FILE}（npm start 会生成它）。请用 --key 提供中央办公室密钥。`,
      `No --key given and no ${KEYS_FILE} here (npm start writes it). Pass the central key with --key.`,
    );
  }
  const central = (JSON.parse(text) as { central?: unknown }).central;
  if (typeof central !== 'string' || central === '') {
    throw new CliError(`${KEYS_FILE} 中没有中央办公室密钥（central）。`, `${KEYS_FILE} holds no central key.`);
  }
  return central;
}

function requireOption(value: string | undefined, name: string, example: string): string {
  if (value === undefined) {
    throw new CliError(`缺少选项 --${name}（例如 --${name} ${example}）。`, `Missing option --${name} (e.g. --${name} ${example}).`);
  }
  return value;
}

async function errorOf(response: Response): Promise<CliError> {
  const text = await response.text();
  try {
    const { error } = JSON.parse(text) as ApiError;
    return new CliError(
      `接口返回错误 ${response.status}（${error.code}）：${error.message}`,
      `The API answered ${response.status} (${error.code}): ${error.messageEn ?? error.message}`,
    );
  } catch {
    return new CliError(`接口返回错误 ${response.status}：${text.slice(0, 200)}`, `The API answered ${response.status}: ${text.slice(0, 200)}`);
  }
}

/** The format asked of the API, from the output file's ending (.docx, .json, else the workbook). */
function reportFormatOf(file: string): 'json' | 'docx' | 'xlsx' {
  const lower = file.toLowerCase();
  if (lower.endsWith('.json')) return 'json';
  return lower.endsWith('.docx') ? 'docx' : 'xlsx';
}

export const reportCommand: Command = {
  name: 'report',
  args: [],
  options: [
    { name: 'month', value: 'YYYY-MM', zh: '报告月份（必填，例如 2017-05）', en: 'the report month (required, e.g. 2017-05)' },
    { name: 'out', value: 'FILE.xlsx', zh: '保存到此文件（必填；以 .docx 结尾则保存 Word 文档，以 .json 结尾则保存 JSON 数据）', en: 'write to this file (required; a .docx name saves the Word document, a .json name the JSON model)' },
    { name: 'api', value: 'URL', zh: `接口地址（默认 ${DEFAULT_API}）`, en: `API address (default ${DEFAULT_API})` },
    { name: 'key', value: 'KEY', zh: `中央办公室密钥（默认读取 ${KEYS_FILE}）`, en: `central key (default: from ${KEYS_FILE})` },
    { name: 'campaign-id', value: 'ID', zh: `活动编号（默认 ${DEFAULT_CAMPAIGN.id}）`, en: `campaign id (default ${DEFAULT_CAMPAIGN.id})` },
    { name: 'remarks', value: 'TEXT', zh: '写入报告的办公室意见', en: "the office's remarks to print in the report" },
  ],
  zh: '从接口下载月报（需先运行 npm start 或已部署的接口）',
  en: 'download the monthly report from a running API',
  async run(args, ctx) {
    const month = requireOption(stringOption(args, 'month'), 'month', '2017-05');
    if (!isIsoMonth(month)) {
      throw new CliError(`--month 的值「${month}」格式不正确，应为 YYYY-MM（如 2017-05）。`, `--month "${month}" is not YYYY-MM (e.g. 2017-05).`);
    }
    const out = requireOption(stringOption(args, 'out'), 'out', 'report.xlsx');
    const format = reportFormatOf(out);
    const api = (stringOption(args, 'api') ?? DEFAULT_API).replace(/\/+$/, '');
    const key = await centralKey(ctx, stringOption(args, 'key'));
    const query = new URLSearchParams({ campaignId: stringOption(args, 'campaign-id') ?? DEFAULT_CAMPAIGN.id, month, format });
    const remarks = stringOption(args, 'remarks');
    const url = `${api}/api/reports/monthly?${query}`;
    let response: Response;
    try {
      // Remarks go in a POSTed body: 2,000 Chinese characters do not fit in a URL.
      response = await fetch(
        url,
        remarks === undefined
          ? { headers: { 'x-api-key': key } }
          : { method: 'POST', headers: { 'x-api-key': key, 'content-type': 'application/json' }, body: JSON.stringify({ remarks }) },
      );
    } catch (error) {
      const reason = error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
      throw new CliError(
        `无法连接接口 ${api}（${reason}）。请先运行 npm start，或用 --api 指定地址。`,
        `Cannot reach the API at ${api} (${reason}). Run npm start first, or give --api.`,
      );
    }
    if (!response.ok) throw await errorOf(response);
    await writeOutput(ctx, out, new Uint8Array(await response.arrayBuffer()));
    ctx.stdout.write(`已下载 ${month} 月报：${out}\nMonthly report for ${month} written to ${out}\n`);
    return EXIT_OK;
  },
};
