// The report's text in the form of a Chinese work report (一、总体情况 … 四、下一步工作). Every number
// here comes from the report model; nothing is typed in.
import type { Campaign } from '../types';
import { dateLabel, monthLabel, monthsBetween, nextMonth, submissionDue } from '../calendar';
import { onsetMonths, rulesByOnset } from './pace';
import type { MonthlyReport, NarrativeSection, PointProgress } from './types';

/** 0.6667 → 66.7%, 1 → 100% */
export function percent(rate: number): string {
  const p = Math.round(rate * 1000) / 10;
  return `${Number.isInteger(p) ? p.toFixed(0) : p.toFixed(1)}%`;
}

const SUB_NUMBERS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const numbered = (items: string[]): string[] => items.map((text, i) => `（${SUB_NUMBERS[i] ?? i + 1}）${text}`);
const names = (points: PointProgress[]): string => points.map((p) => p.name).join('、');

type Body = Omit<MonthlyReport, 'narrative'>;

function overview(r: Body): string[] {
  const inMonth = r.activities.byType.filter((t) => t.month > 0);
  const required = r.activities.byType.filter((t) => t.required).reduce((s, t) => s + t.cumulative, 0);
  const optional = r.activities.cumulativeTotal - required;
  const monthText =
    r.activities.monthTotal > 0
      ? `${r.monthLabel}，${r.completion.pointCount}个联系点共开展活动${r.activities.monthTotal}次（${inMonth
          .map((t) => `${t.label}${t.month}次`)
          .join('、')}）`
      : `${r.monthLabel}，各联系点未报告新开展的活动`;
  const c = r.completion;
  const byReq = c.byRequirement.map((q) => `${q.name}${q.done}个（${percent(q.rate)}）`).join('，');
  const submitted = r.provinces.length - r.notSubmitted.length;
  const paragraphs = [
    `${monthText}；截至${dateLabel(r.asOf)}，累计开展活动${r.activities.cumulativeTotal}次，其中规定动作${required}次、自选动作${optional}次。`,
    `规定动作完成情况：${c.pointCount}个联系点中，已完成全部规定动作的${c.pointsComplete}个，联系点完成率${percent(c.pointRate)}；` +
      `应完成规定动作${c.requirementsDue}项，已完成${c.requirementsDone}项，完成率${percent(c.requirementRate)}。` +
      `分项看，已完成${byReq}。`,
    `报送情况：本月应报送台账的省级组织${r.provinces.length}个，已报送${submitted}个（其中逾期报送${r.late.length}个），未报送${r.notSubmitted.length}个。`,
  ];
  if (r.lectures.held > 0) {
    paragraphs.push(`已开展的${r.lectures.held}场专题讲座中，${r.lectures.published}场授课内容已在会内媒体刊发。`);
  }
  return paragraphs;
}

function progress(r: Body): string[] {
  const complete = r.points.filter((p) => p.complete);
  const incomplete = r.points.filter((p) => !p.complete);
  const active = r.points.filter((p) => p.monthCount > 0);
  const quiet = r.points.filter((p) => p.monthCount === 0);
  const paragraphs = [
    complete.length > 0
      ? `已完成全部规定动作的联系点${complete.length}个：${names(complete)}。`
      : '目前尚无联系点完成全部规定动作。',
  ];
  if (incomplete.length > 0) {
    paragraphs.push(
      `尚未完成全部规定动作的联系点${incomplete.length}个：${incomplete
        .map((p) => `${p.name}（尚缺${p.missing.join('、')}）`)
        .join('；')}。`,
    );
  }
  paragraphs.push(
    active.length > 0
      ? `本月开展活动的联系点${active.length}个：${active.map((p) => `${p.name}${p.monthCount}次`).join('、')}。` +
          (quiet.length > 0 ? `本月未报告活动的联系点${quiet.length}个：${names(quiet)}。` : '')
      : '本月各联系点均未报告新开展的活动。',
  );
  return paragraphs;
}

function problems(r: Body): string[] {
  const items: string[] = [];
  const missingByReq = r.completion.byRequirement.filter((q) => q.done < q.due);
  if (missingByReq.length > 0) {
    const detail = missingByReq
      .map((q) => {
        const pts = r.points.filter((p) => p.requirements.some((x) => x.requirementId === q.requirementId && !x.done));
        return `${q.name}尚有${q.due - q.done}个联系点未开展（${names(pts)}）`;
      })
      .join('；');
    items.push(`规定动作尚未全部完成。${detail}。`);
  }
  const flagged = r.points.filter((p) => p.pace !== null);
  const rule = r.pace.inForce;
  if (rule && flagged.length > 0) {
    items.push(
      `部分联系点进度${rule.label}。活动期间${r.monthsTotal}个月已过${r.monthsElapsed}个月（${rule.milestone}后），` +
        `仍有${flagged.length}个联系点规定动作未完成，列为“${rule.label}”：${names(flagged)}。`,
    );
  } else if (!rule && r.points.some((p) => !p.complete)) {
    const next = rulesByOnset(r.pace.rules)[0];
    if (next) {
      const months = onsetMonths(next, r.monthsTotal) - r.monthsElapsed;
      items.push(
        `距${next.milestone}还有${months}个月，尚未完成规定动作的联系点需抓紧安排，避免进度“${next.label}”。`,
      );
    }
  }
  const missing = r.provinces.filter((p) => p.state === 'missing');
  const late = r.provinces.filter((p) => p.state === 'late');
  if (missing.length + late.length > 0) {
    const parts: string[] = [];
    if (missing.length > 0) parts.push(`${missing.map((p) => p.name).join('、')}本月未报送台账`);
    if (late.length > 0) parts.push(`${late.map((p) => p.name).join('、')}逾期报送`);
    items.push(`个别省级组织报送不及时。${parts.join('；')}。`);
  }
  if (r.errorRecords > 0) {
    const by = r.provinces
      .filter((p) => p.errorRecordCount > 0)
      .map((p) => `${p.name}${p.errorRecordCount}条`)
      .join('、');
    const kinds = r.errorKinds.map((k) => `${k.label}${k.count}条`).join('、');
    items.push(`部分台账数据有误。现有${r.errorRecords}条活动记录存在错误（${kinds}），未计入统计，涉及${by}。`);
  }
  return items.length > 0 ? numbered(items) : ['本月未发现突出问题。'];
}

function nextSteps(r: Body, campaign: Campaign): string[] {
  const items: string[] = [];
  const incomplete = r.points.filter((p) => !p.complete);
  if (incomplete.length > 0) {
    const mostMissing = [...r.completion.byRequirement].sort((a, b) => a.done - b.done)[0];
    items.push(
      `督促${incomplete.length}个联系点在${dateLabel(r.period.end)}前完成尚缺的规定动作` +
        (mostMissing && mostMissing.done < mostMissing.due ? `，重点是${mostMissing.name}` : '') +
        (r.pace.inForce ? `，对进度“${r.pace.inForce.label}”的联系点逐一了解原因、跟踪督办。` : '。'),
    );
  } else {
    items.push('指导各联系点在完成规定动作的基础上，结合实际开展自选动作，巩固活动成果。');
  }
  const following = nextMonth(r.month);
  const periodEnds = monthsBetween(following, r.period.end.slice(0, 7)) < 1;
  const laggards = r.provinces.filter((p) => p.state !== 'on-time');
  const catchUp = r.provinces.filter((p) => p.state === 'missing');
  items.push(
    (catchUp.length > 0 ? `请${catchUp.map((p) => p.name).join('、')}尽快补报${r.monthLabel}台账；` : '') +
      (periodEnds
        ? `各省级组织做好全年活动台账的整理归档工作。`
        : `各省级组织于${dateLabel(submissionDue(following, campaign.submissionDueDay))}前报送${monthLabel(following)}台账` +
          (laggards.length > 0 ? '，未按时报送的省级组织要加强跟踪。' : '。')),
  );
  if (r.lectures.held > r.lectures.published) {
    items.push(`做好专题讲座授课内容的整理刊发工作，尚有${r.lectures.held - r.lectures.published}场未在会内媒体刊发。`);
  }
  if (r.errorRecords > 0) {
    items.push(`请有关省级组织核实更正有误的${r.errorRecords}条记录，在下次报送时一并更新。`);
  }
  items.push('总结提炼联系点工作经验，宣传典型。');
  return numbered(items);
}

export function writeNarrative(report: Body, campaign: Campaign): NarrativeSection[] {
  return [
    { heading: '一、总体情况', paragraphs: overview(report) },
    { heading: '二、各联系点进展', paragraphs: progress(report) },
    { heading: '三、存在问题', paragraphs: problems(report) },
    { heading: '四、下一步工作', paragraphs: nextSteps(report, campaign) },
  ];
}
