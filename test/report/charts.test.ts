// The report's charts: specs computed from the model (pure), drawn to SVG by ECharts and to PNG by resvg.
import { writeFileSync } from 'node:fs';
import { DEFAULT_CAMPAIGN } from '../../shared';
import { buildMonthlyReport, reportChartSpecs } from '../../shared/report';
import { reportChartPngs } from '../../xlsx/chart-png';
import { reportChartSvgs } from '../../xlsx/report-charts';
import { aggregate, completePoint, record } from './fixtures';

const campaign = DEFAULT_CAMPAIGN;
const report = buildMonthlyReport(
  aggregate(
    '2017-05',
    [
      ...completePoint('guizhou-bijie', '2017-03'),
      ...completePoint('beijing-haidian', '2017-05'),
      record('ningxia-wuzhong', '2017-02-01', 'lecture'),
      record('ningxia-wuzhong', '2017-05-12', 'grassroots-visit'),
    ],
    { ningxia: { late: true }, beijing: { submitted: false } },
  ),
  campaign,
  { generatedAt: '2017-06-02T01:00:00.000Z' },
);
const specs = reportChartSpecs(report);
const byId = (id: string) => specs.find((s) => s.id === id)!;
const series = (id: string) => byId(id).option.series as { name?: string; data: unknown[] }[];

describe('chart specs', () => {
  it('are JSON data with numbered titles', () => {
    expect(specs.map((s) => s.title)).toEqual([
      '图1　活动开展情况（按月累计）',
      '图2　各联系点规定动作完成情况',
      '图3　2017年5月台账报送情况',
    ]);
    expect(JSON.parse(JSON.stringify(specs))).toEqual(specs);
  });

  it('completion per point: done + missing stack to the requirement count, first point on top', () => {
    const [done, missing] = series('completion-by-point');
    const names = (byId('completion-by-point').option.yAxis as { data: string[] }).data;
    expect(names[names.length - 1]).toBe(report.points[0].name);
    const i = names.indexOf(report.points.find((p) => p.liaisonPointId === 'beijing-haidian')!.name);
    expect(done.data[i]).toBe(3);
    expect(missing.data[i]).toMatchObject({ value: 0, label: { formatter: '3/3' } });
    const j = names.indexOf(report.points.find((p) => p.liaisonPointId === 'ningxia-wuzhong')!.name);
    expect(done.data[j]).toBe(1);
  });

  it('activities per month run from the period start to the report month, cumulative', () => {
    expect(report.activities.byMonth.map((m) => [m.label, m.count, m.cumulative])).toEqual([
      ['1月', 0, 0],
      ['2月', 1, 1],
      ['3月', 3, 4],
      ['4月', 0, 4],
      ['5月', 4, 8],
    ]);
    expect(report.activities.byMonth.at(-1)!.cumulative).toBe(report.activities.cumulativeTotal);
    expect(series('activities-by-month')[1].data).toEqual([0, 1, 4, 4, 8]);
    expect(series('activities-by-month')[0].data).toEqual([0, 1, 3, 0, 4].map((n) => ({ value: n, label: { show: n > 0 } })));
  });

  it('province status counts each state once, with its share', () => {
    const data = series('province-status')[0].data as { name: string; value: number }[];
    expect(data.map((d) => [d.name, d.value])).toEqual([
      ['按时报送', campaign.provinces.length - 2],
      ['逾期报送', 1],
      ['未报送', 1],
    ]);
  });
});

describe('chart rendering', () => {
  it('draws each chart as SVG with its Chinese text, and as a PNG of twice the size', () => {
    const svgs = reportChartSvgs(report);
    expect(svgs).toHaveLength(3);
    for (const s of svgs) expect(s.svg).toMatch(/^<svg[\s\S]*<\/svg>$/);
    expect(svgs.find((s) => s.id === 'completion-by-point')!.svg).toContain(report.points[0].name);
    const pngs = reportChartPngs(report);
    for (const p of pngs) {
      expect(Buffer.from(p.png.subarray(1, 4)).toString()).toBe('PNG');
      // IHDR width, big-endian at byte 16.
      expect(Buffer.from(p.png).readUInt32BE(16)).toBe(p.width * 2);
      if (process.env.CHART_PNG_DIR) writeFileSync(`${process.env.CHART_PNG_DIR}/${p.id}.png`, p.png);
    }
  });
});
