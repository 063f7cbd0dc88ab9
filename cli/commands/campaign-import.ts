// `liaison-tracker campaign import PLAN.txt`: a campaign from a plan notice.
import { importPlan, type Campaign } from '../../shared';
import { EXIT_OK, type Command } from '../command';
import { readText } from '../files';

function summary(campaign: Campaign): string {
  const provinceName = (id: string): string => campaign.provinces.find((p) => p.id === id)?.name ?? id;
  return [
    `活动：${campaign.name}（${campaign.id}）`,
    `期间：${campaign.period.start} 至 ${campaign.period.end}`,
    `联系点（${campaign.points.length} 个）：`,
    ...campaign.points.map((p, i) => `  ${i + 1}. ${p.name} · ${provinceName(p.provinceId)} · ${p.id}`),
    `规定动作：${campaign.requirements.map((r) => r.name).join('、')}`,
    '加 --json 输出活动配置 JSON，可保存后用于 --campaign。',
    '',
  ].join('\n');
}

export const campaignImportCommand: Command = {
  name: 'campaign import',
  args: ['PLAN.txt'],
  options: [{ name: 'json', zh: '输出活动配置 JSON', en: 'print the campaign JSON' }],
  zh: '从工作方案文本生成活动配置',
  en: 'derive the campaign from a plan document',
  async run(args, ctx) {
    const campaign = importPlan(await readText(ctx, args.positionals[0]));
    ctx.stdout.write(args.options.json === true ? `${JSON.stringify(campaign, null, 2)}\n` : summary(campaign));
    return EXIT_OK;
  },
};
