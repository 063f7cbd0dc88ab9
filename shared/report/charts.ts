// The report's charts as plain data: Apache ECharts options computed from the MonthlyReport, with
// no ECharts import, so the same specs serve the .docx, the .xlsx and the central dashboard.
import { percent } from './narrative';
import type { MonthlyReport, SubmissionState } from './types';

export type ReportChartId = 'completion-by-point' | 'activities-by-month' | 'province-status';

export interface ReportChartSpec {
  id: ReportChartId;
  /** 图1　各联系点规定动作完成情况 */
  title: string;
  /** Size in CSS pixels; PNGs are drawn at a multiple of it. */
  width: number;
  height: number;
  /** An ECharts option (JSON-safe: no functions), titles included. */
  option: Record<string, unknown>;
}

/** Faces that draw Chinese on Windows, macOS, WPS and the Debian servers we render on. */
export const CHART_FONT_FAMILY = "'WenQuanYi Micro Hei', 'Microsoft YaHei', 'PingFang SC', 'Noto Sans CJK SC', sans-serif";

export const CHART_COLOURS = {
  done: '#4472C4',
  missing: '#D9D9D9',
  month: '#A5A5A5',
  cumulative: '#ED7D31',
} as const;

export const STATE_COLOURS: Record<SubmissionState, string> = {
  'on-time': '#70AD47',
  late: '#FFC000',
  missing: '#C00000',
};

const WIDTH = 640;
const PIE_HEIGHT = 300;
const TEXT = { fontFamily: CHART_FONT_FAMILY, fontSize: 13, color: '#333333' };

function base(title: string): Record<string, unknown> {
  return {
    animation: false,
    backgroundColor: '#FFFFFF',
    textStyle: TEXT,
    title: { text: title, left: 'center', top: 8, textStyle: { ...TEXT, fontSize: 16, fontWeight: 'bold' } },
  };
}

/** Requirements done and still missing, one bar per point (stacked to the number of requirements). */
function completionByPoint(r: MonthlyReport): ReportChartSpec {
  const title = '各联系点规定动作完成情况';
  const due = r.completion.byRequirement.length;
  // Top to bottom in the report's order: a category axis draws its first item at the bottom.
  const points = [...r.points].reverse();
  const height = Math.max(240, 110 + points.length * 26);
  return {
    id: 'completion-by-point',
    title,
    width: WIDTH,
    height,
    option: {
      ...base(title),
      legend: { bottom: 8, textStyle: TEXT, data: ['已完成', '未完成'] },
      grid: { left: 16, right: 48, top: 48, bottom: 44, containLabel: true },
      xAxis: { type: 'value', min: 0, max: due, interval: 1, name: '项', axisLabel: TEXT },
      yAxis: {
        type: 'category',
        data: points.map((p) => p.name),
        axisLabel: { ...TEXT, width: 220, overflow: 'truncate' },
      },
      series: [
        {
          name: '已完成',
          type: 'bar',
          stack: 'requirements',
          barWidth: 14,
          itemStyle: { color: CHART_COLOURS.done },
          data: points.map((p) => p.requirements.filter((q) => q.done).length),
        },
        {
          name: '未完成',
          type: 'bar',
          stack: 'requirements',
          barWidth: 14,
          itemStyle: { color: CHART_COLOURS.missing },
          label: { show: true, position: 'right', ...TEXT, fontSize: 12 },
          // The label on the last segment reads done/due for the whole bar.
          data: points.map((p) => {
            const done = p.requirements.filter((q) => q.done).length;
            return { value: due - done, label: { formatter: `${done}/${due}` } };
          }),
        },
      ],
    },
  };
}

/** Activities per month (columns) and their running total (line), from the period's start. */
function activitiesByMonth(r: MonthlyReport): ReportChartSpec {
  const title = '活动开展情况（按月累计）';
  const months = r.activities.byMonth;
  return {
    id: 'activities-by-month',
    title,
    width: WIDTH,
    height: 320,
    option: {
      ...base(title),
      legend: { bottom: 8, textStyle: TEXT, data: ['当月', '累计'] },
      grid: { left: 16, right: 24, top: 56, bottom: 44, containLabel: true },
      xAxis: { type: 'category', data: months.map((m) => m.label), axisLabel: TEXT },
      yAxis: { type: 'value', name: '次', minInterval: 1, axisLabel: TEXT },
      series: [
        {
          name: '当月',
          type: 'bar',
          barMaxWidth: 28,
          itemStyle: { color: CHART_COLOURS.month },
          label: { show: true, position: 'top', ...TEXT, fontSize: 12 },
          labelLayout: { hideOverlap: true },
          // An empty month shows no 0 under the line's own label.
          data: months.map((m) => ({ value: m.count, label: { show: m.count > 0 } })),
        },
        {
          name: '累计',
          type: 'line',
          symbolSize: 6,
          itemStyle: { color: CHART_COLOURS.cumulative },
          lineStyle: { width: 2 },
          label: { show: true, position: 'top', ...TEXT, fontSize: 12, color: CHART_COLOURS.cumulative },
          labelLayout: { hideOverlap: true },
          data: months.map((m) => m.cumulative),
        },
      ],
    },
  };
}

/** The provinces by their submission for the month: a ring of 按时/逾期/未报送 with counts and shares. */
function provinceStatus(r: MonthlyReport): ReportChartSpec {
  const title = `${r.monthLabel}台账报送情况`;
  const states: SubmissionState[] = ['on-time', 'late', 'missing'];
  const total = r.provinces.length;
  const data = states
    .map((state) => {
      const of = r.provinces.filter((p) => p.state === state);
      const name = of[0]?.stateLabel ?? state;
      return {
        name,
        value: of.length,
        itemStyle: { color: STATE_COLOURS[state] },
        label: { formatter: `${name} ${of.length}个（${percent(total === 0 ? 0 : of.length / total)}）` },
      };
    })
    .filter((d) => d.value > 0);
  return {
    id: 'province-status',
    title,
    width: WIDTH,
    height: PIE_HEIGHT,
    option: {
      ...base(title),
      series: [
        {
          type: 'pie',
          radius: ['38%', '62%'],
          center: ['50%', '56%'],
          label: { show: true, ...TEXT },
          data,
        },
      ],
      graphic: [
        {
          type: 'text',
          // The ring's centre (50%, 56% of the chart); the text is centred on it.
          x: WIDTH / 2,
          y: Math.round(PIE_HEIGHT * 0.56),
          style: {
            text: `省级组织\n${total}个`,
            align: 'center',
            verticalAlign: 'middle',
            fill: '#333333',
            font: `14px ${CHART_FONT_FAMILY}`,
          },
        },
      ],
    },
  };
}

/** 图1–图3 of the report, in the order the documents show them (一 activities, 二 points, 三 submissions). */
export function reportChartSpecs(report: MonthlyReport): ReportChartSpec[] {
  return [activitiesByMonth(report), completionByPoint(report), provinceStatus(report)].map((c, i) => ({
    ...c,
    title: `图${i + 1}　${c.title}`,
  }));
}
