// `liaison-tracker template OUT.xlsx`: a fresh tracker workbook.
import { EXIT_OK, stringOption, type Command } from '../command';
import { CAMPAIGN_OPTION, loadCampaign, writeOutput } from '../files';

export const templateCommand: Command = {
  name: 'template',
  args: ['OUT.xlsx'],
  options: [CAMPAIGN_OPTION],
  zh: '生成空白台账模板（含下拉选项和填写说明）',
  en: 'write a fresh tracker template (dropdowns, instructions)',
  async run(args, ctx) {
    const out = args.positionals[0];
    const campaign = await loadCampaign(ctx, stringOption(args, 'campaign'));
    // exceljs loads only for the commands that write a workbook.
    const { buildTemplate } = await import('../../xlsx/template.js');
    const written = await buildTemplate(campaign).xlsx.writeBuffer();
    await writeOutput(ctx, out, new Uint8Array(written));
    ctx.stdout.write(
      `已生成台账模板：${out}（${campaign.name}，${campaign.points.length} 个联系点）\n` +
        `Tracker template written to ${out} (${campaign.points.length} liaison points)\n`,
    );
    return EXIT_OK;
  },
};
