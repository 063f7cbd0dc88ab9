// `liaison-tracker submit FILE.xlsx --month 2017-05 [--yes]`: submits a province's tracker to a running
// API. It asks for a dry run first and prints the diff against the snapshot it replaces; when records
// would be removed it stores nothing unless --yes is given (then it confirms that very snapshot).
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { DEFAULT_CAMPAIGN, isIsoMonth, type SubmissionPreview, type SubmissionResponse } from '../../shared';
import { XLSX_CONTENT_TYPE, type ApiError } from '../../shared/api';
import { reportingDeadline } from '../../shared/reporting-month';
import { previewSummary, recordLine } from '../../shared/submission-text';
import { CliError, EXIT_OK, EXIT_PROBLEMS, stringOption, type CliContext, type Command } from '../command';
import { loadCampaign, readInput, resolvePath, CAMPAIGN_OPTION } from '../files';

const DEFAULT_API = 'http://127.0.0.1:7071';
const KEYS_FILE = '.dev-keys.json';
/** Records listed per kind; the counts are always complete. */
const LISTED = 20;

/** The province a key was made for: keys are issued as lt_<province>_<random>. */
function provinceOfKey(key: string): string | undefined {
  const m = /^lt_([a-z0-9-]+)_/.exec(key);
  return m && m[1] !== 'central' ? m[1] : undefined;
}

async function devKeys(ctx: CliContext): Promise<{ provinces?: Record<string, string> } | null> {
  try {
    return JSON.parse(await readFile(resolvePath(ctx, KEYS_FILE), 'utf8')) as { provinces?: Record<string, string> };
  } catch {
    return null;
  }
}

async function keyAndProvince(ctx: CliContext, key: string | undefined, province: string | undefined): Promise<{ key: string; provinceId: string }> {
  if (key !== undefined) {
    const provinceId = province ?? provinceOfKey(key);
    if (!provinceId) throw new CliError('无法从密钥看出省份：请用 --province 指定（例如 --province guizhou）。', 'Cannot tell the province from the key: give --province (e.g. --province guizhou).');
    return { key, provinceId };
  }
  const dev = province ? (await devKeys(ctx))?.provinces?.[province] : undefined;
  if (!province || !dev) {
    throw new CliError(
      `请用 --key 提供本省的报送密钥（或在有 ${KEYS_FILE} 的目录中用 --province 指定省份）。`,
      `Give your province's key with --key (or --province where ${KEYS_FILE} is).`,
    );
  }
  return { key: dev, provinceId: province };
}

interface Answer {
  status: number;
  body: unknown;
}

async function post(url: string, key: string, bytes: Uint8Array, api: string): Promise<Answer> {
  let response: Response;
  try {
    response = await fetch(url, { method: 'POST', headers: { 'x-api-key': key, 'content-type': XLSX_CONTENT_TYPE }, body: bytes });
  } catch (error) {
    const reason = error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
    throw new CliError(`无法连接接口 ${api}（${reason}）。请先运行 npm start，或用 --api 指定地址。`, `Cannot reach the API at ${api} (${reason}). Run npm start first, or give --api.`);
  }
  const text = await response.text();
  try {
    return { status: response.status, body: JSON.parse(text) as unknown };
  } catch {
    return { status: response.status, body: text };
  }
}

function apiError(answer: Answer): CliError {
  const error = (answer.body as ApiError | null)?.error;
  if (!error) return new CliError(`接口返回错误 ${answer.status}。`, `The API answered ${answer.status}.`);
  return new CliError(`接口返回错误 ${answer.status}（${error.code}）：${error.message}`, `The API answered ${answer.status} (${error.code}): ${error.messageEn ?? error.message}`);
}

function printDiff(ctx: CliContext, preview: Pick<SubmissionPreview, 'diff' | 'replaces'>, campaign: typeof DEFAULT_CAMPAIGN): void {
  const { diff } = preview;
  const summary = previewSummary(diff, preview.replaces);
  const lines = [`${summary.zh}\n${summary.en}`];
  const list = (title: string, items: string[], total: number) => {
    if (total === 0) return;
    lines.push(`${title}：`, ...items.slice(0, LISTED).map((s) => `  ${s}`));
    if (total > LISTED) lines.push(`  ……另有 ${total - LISTED} 条 / ${total - LISTED} more`);
  };
  list('删除 / removed', diff.removed.map((r) => recordLine(r, campaign)), diff.removedCount);
  list('修改 / changed', diff.changed.map((c) => `${recordLine(c.next, campaign)}（${c.fields.join('、')}）`), diff.changedCount);
  list('新增 / added', diff.added.map((r) => recordLine(r, campaign)), diff.addedCount);
  ctx.stdout.write(`${lines.join('\n')}\n`);
}

export const submitCommand: Command = {
  name: 'submit',
  args: ['FILE.xlsx'],
  options: [
    { name: 'month', value: 'YYYY-MM', zh: '报送月份（必填，例如 2017-05）', en: 'the reporting month (required, e.g. 2017-05)' },
    { name: 'yes', zh: '确认删除记录（本次比上次少了记录时必须）', en: 'confirm removing records (needed when this tracker has fewer records than the last)' },
    { name: 'province', value: 'ID', zh: '省份编号（默认从密钥得出）', en: 'province id (default: from the key)' },
    { name: 'key', value: 'KEY', zh: `本省报送密钥（开发时可用 ${KEYS_FILE} 与 --province）`, en: `your province's key (in development: ${KEYS_FILE} with --province)` },
    { name: 'api', value: 'URL', zh: `接口地址（默认 ${DEFAULT_API}）`, en: `API address (default ${DEFAULT_API})` },
    { name: 'sheet', value: 'NAME', zh: '报送指定工作表（默认自动找出台账）', en: 'submit this sheet (default: the sheet holding a tracker)' },
    CAMPAIGN_OPTION,
  ],
  zh: '报送本月台账：先预览与上次报送的差异，删除记录须 --yes 确认',
  en: "submit a month's tracker: previews the diff first; removing records needs --yes",
  async run(args, ctx) {
    const file = args.positionals[0];
    const month = stringOption(args, 'month');
    if (month === undefined || !isIsoMonth(month)) {
      throw new CliError(`请用 --month 指定报送月份，格式 YYYY-MM（如 2017-05）。`, `Give the reporting month with --month as YYYY-MM (e.g. 2017-05).`);
    }
    const campaign = await loadCampaign(ctx, stringOption(args, 'campaign'));
    const { key, provinceId } = await keyAndProvince(ctx, stringOption(args, 'key'), stringOption(args, 'province'));
    const api = (stringOption(args, 'api') ?? DEFAULT_API).replace(/\/+$/, '');
    const bytes = new Uint8Array(await readInput(ctx, file));
    const query = new URLSearchParams({ campaignId: campaign.id, provinceId, month, file: path.basename(file) });
    const sheet = stringOption(args, 'sheet');
    if (sheet !== undefined) query.set('sheet', sheet);

    ctx.stdout.write(`${reportingDeadline(campaign, month).label}\n`);
    const dry = await post(`${api}/api/submissions?${query}&dryRun=1`, key, bytes, api);
    if (dry.status !== 200) throw apiError(dry);
    const preview = dry.body as SubmissionPreview;
    printDiff(ctx, preview, campaign);
    if (preview.needsConfirmation && args.options.yes !== true) {
      ctx.stdout.write('未报送：本次会删除上次报送的记录。核对无误后加 --yes 重新运行。\nNot submitted: this would remove records submitted before. Check, then run again with --yes.\n');
      return EXIT_PROBLEMS;
    }
    if (preview.confirm) query.set('confirm', preview.confirm);
    const stored = await post(`${api}/api/submissions?${query}`, key, bytes, api);
    if (stored.status === 409 && (stored.body as ApiError).error?.code === 'would-remove-records') {
      // Someone submitted in between: show what this would remove now, and store nothing.
      const details = (stored.body as ApiError).error.details as Pick<SubmissionPreview, 'diff' | 'replaces'>;
      ctx.stdout.write('报送期间有新的版本，差异已变化：\n');
      printDiff(ctx, details, campaign);
      ctx.stdout.write('未报送。请核对后重新运行。\nNot submitted. Check, then run again.\n');
      return EXIT_PROBLEMS;
    }
    if (stored.status !== 200 && stored.status !== 201) throw apiError(stored);
    const result = stored.body as SubmissionResponse;
    const errors = result.issues.filter((i) => i.severity === 'error').length;
    const late = result.late ? '（逾期）' : '';
    ctx.stdout.write(
      result.duplicate
        ? `内容与第 ${result.version} 版相同，未新建版本。\nSame content as version ${result.version}: nothing new stored.\n`
        : `报送成功${late}：${month} 第 ${result.version} 版，共 ${result.recordCount} 条记录${errors > 0 ? `，其中 ${errors} 个错误须更正后重新报送` : ''}。\nSubmitted${result.late ? ' (late)' : ''}: ${month} version ${result.version}, ${result.recordCount} records.\n`,
    );
    return errors > 0 ? EXIT_PROBLEMS : EXIT_OK;
  },
};
