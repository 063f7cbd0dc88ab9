// `npm run demo`: the product end to end on the embedded defaults, without Excel — Azurite and the
// local API (the same launcher as npm start, in memory on free ports), twelve provincial trackers
// uploaded, and the monthly report written to demo-output/.
import { join, relative, resolve } from 'node:path';
import { DEFAULT_CAMPAIGN } from '../shared';
import { percent } from '../shared/report';
import { runDemo } from './demo/pipeline';
import { startStack } from './local-stack';

const root = resolve(__dirname, '..', '..');
const MONTH = '2017-05';

async function main(): Promise<void> {
  const outDir = join(root, 'demo-output');
  console.log('正在启动 Azurite 和本地接口 / starting Azurite and the local API…');
  const stack = await startStack({ prefix: `demo${Date.now()}`, port: 0, azurite: { tablePort: 0, blobPort: 0 }, quiet: true });
  try {
    console.log(`接口 / API: ${stack.baseUrl}/api`);
    console.log('生成并报送12个省级组织的台账 / uploading twelve provincial trackers:');
    const result = await runDemo({
      baseUrl: stack.baseUrl,
      keys: stack.keys,
      campaign: DEFAULT_CAMPAIGN,
      month: MONTH,
      outDir,
      log: (line) => console.log(line),
    });
    const { report } = result;
    const names = (ids: string[]) => ids.map((id) => DEFAULT_CAMPAIGN.provinces.find((p) => p.id === id)?.name ?? id).join('、') || '无';
    console.log('');
    console.log(`${report.monthLabel}月报 / monthly report:`);
    console.log(`  完成全部规定动作的联系点 ${report.completion.pointsComplete}/${report.completion.pointCount}（${percent(report.completion.pointRate)}）`);
    console.log(`  规定动作完成 ${report.completion.requirementsDone}/${report.completion.requirementsDue}（${percent(report.completion.requirementRate)}）`);
    console.log(`  本月活动 ${report.activities.monthTotal} 次，累计 ${report.activities.cumulativeTotal} 次`);
    console.log(`  未报送：${names(report.notSubmitted)}；逾期报送：${names(report.late)}`);
    console.log('');
    console.log(`台账 / trackers: ${relative(process.cwd(), join(outDir, 'trackers'))}/`);
    console.log(`月报 / report:   ${relative(process.cwd(), result.reportFile)}`);
    console.log(`                 ${relative(process.cwd(), result.documentFile)}`);
  } finally {
    await stack.stop();
  }
}

main().catch((error: unknown) => {
  console.error('演示失败 / demo failed:', error);
  process.exitCode = 1;
});
