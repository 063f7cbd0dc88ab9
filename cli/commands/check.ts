// `liaison-tracker check FILE …`: the readable Chinese report, or the CheckReport as JSON. Reads
// .xlsx/.xlsm/.xls/.ods/.csv; exceljs is loaded only for `--out`.
import { defaultAsOf, parseDate, type Campaign, type IsoDate } from '../../shared';
import { checkWorkbook } from '../../xlsx/check-workbook';
import { nodeInflate } from '../../xlsx/read/inflate-node';
import { CliError, EXIT_OK, EXIT_PROBLEMS, stringOption, type Command } from '../command';
import { CAMPAIGN_OPTION, loadCampaign, readInput, writeOutput } from '../files';
import { formatCheckReport } from '../format-check';
import { xlsxNameFor } from '../../shared/upload-formats';

/** `--as-of`, or the campaign's default (today, at most its end). */
function asOfDate(text: string | undefined, campaign: Campaign): IsoDate {
  if (text === undefined) return defaultAsOf(campaign);
  const parsed = parseDate(text);
  if (!parsed.ok) {
    throw new CliError(`--as-of 的日期「${text}」无法识别，请写成 2017-06-30。`, `--as-of: cannot read the date "${text}"; write it like 2017-06-30.`);
  }
  return parsed.date;
}

export const checkCommand: Command = {
  name: 'check',
  args: ['FILE'],
  options: [
    { name: 'sheet', value: 'NAME', zh: '检查指定工作表（默认自动找出台账所在的工作表）', en: 'check this sheet (default: the sheet holding a tracker)' },
    CAMPAIGN_OPTION,
    { name: 'as-of', value: 'DATE', zh: '统计完成情况的截止日期（默认今天，不晚于活动结束日）', en: 'completeness as of this date (default: today, at most the end of the period)' },
    { name: 'all-points', zh: '完成情况列出活动的全部联系点', en: 'completeness for every point of the campaign' },
    { name: 'json', zh: '输出 JSON（公开格式）', en: 'print the JSON report (public contract)' },
    { name: 'out', value: 'CHECKED.xlsx', zh: '另存一份标注了问题并附“完成情况”表的工作簿（总是 .xlsx）', en: 'write a copy with problems highlighted and a 完成情况 sheet (always .xlsx)' },
  ],
  zh: '检查台账：找出问题，统计各联系点规定动作完成情况',
  en: 'check a tracker: problems, and completeness per liaison point',
  async run(args, ctx) {
    const file = args.positionals[0];
    const campaign = await loadCampaign(ctx, stringOption(args, 'campaign'));
    const asOf = asOfDate(stringOption(args, 'as-of'), campaign);
    const data = await readInput(ctx, file);
    const report = await checkWorkbook(data, campaign, {
      file,
      sheet: stringOption(args, 'sheet'),
      asOf,
      allPoints: args.options['all-points'] === true,
      read: { inflate: nodeInflate },
    });
    const json = args.options.json === true;
    ctx.stdout.write(json ? `${JSON.stringify(report, null, 2)}\n` : formatCheckReport(report, campaign, asOf));
    const out = stringOption(args, 'out');
    if (out !== undefined) {
      const { writeCheckedWorkbook } = await import('../../xlsx/checked-workbook.js');
      const { sniff } = await import('../../xlsx/read/detect.js');
      // A workbook that came in as another format is saved as a new .xlsx next to it, never in place.
      const converted = sniff(data, nodeInflate).format !== 'xlsx';
      const target = converted ? xlsxNameFor(out) : out;
      await writeOutput(ctx, target, await writeCheckedWorkbook(data, report, campaign, asOf));
      // With --json, stdout carries only the JSON.
      (json ? ctx.stderr : ctx.stdout).write(
        converted
          ? `已另存为 ${target}（标注后的工作簿，.xlsx 格式；原文件未改动）\nSaved as ${target} (the annotated workbook, as .xlsx; the original is unchanged)\n`
          : `已写入标注后的工作簿：${target}\nAnnotated workbook written to ${target}\n`,
      );
    }
    return report.issues.some((i) => i.severity === 'error') ? EXIT_PROBLEMS : EXIT_OK;
  },
};
