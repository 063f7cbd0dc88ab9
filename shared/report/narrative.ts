// The report's text in the form of a Chinese work report (一、总体情况 … 四、下一步工作). Every number
// here comes from the report model; nothing is typed in.
import type { Campaign } from '../types';
import { dateLabel, monthLabel, monthsBetween, nextMonth, submissionDue } from '../calendar';
import { onsetMonths, rulesByOnset } from './pace';
import { textWidth } from './layout';
import type { MonthlyReport, NarrativeSection, PointProgress } from './types';
import { NAMES_LISTED_MAX, shareWord, shortList, whoList } from './wording';

/** 0.6667 → 66.7%, 1 → 100% */
export function percent(rate: number): string {
  const p = Math.round(rate * 1000) / 10;
  return `${Number.isInteger(p) ? p.toFixed(0) : p.toFixed(1)}%`;
}

const SUB_NUMBERS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const numbered = (items: string[]): string[] => items.map((text, i) => `（${SUB_NUMBERS[i] ?? i + 1}）${text}`);
const names = (points: PointProgress[]): string[] => points.map((p) => p.name);

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

/** 「10个联系点规定动作尚未全部完成，详见表3。」 and who misses what, grouped the shorter way. */
function incompleteText(r: Body, incomplete: PointProgress[]): string {
  const head = `${incomplete.length}个联系点规定动作尚未全部完成，详见表3。`;
  // Way 1: points that miss the same requirements, together.
  const bySet = new Map<string, PointProgress[]>();
  for (const p of incomplete) bySet.set(p.missing.join('、'), [...(bySet.get(p.missing.join('、')) ?? []), p]);
  const sets = [...bySet].sort((a, b) => b[1].length - a[1].length);
  const bySetText =
    sets.length === 1 && shortList(names(incomplete)) === null
      ? `上述联系点均尚缺${sets[0][0]}。`
      : `其中，${sets.map(([set, pts]) => `${whoList(names(pts), '联系点')}尚缺${set}`).join('；')}。`;
  // Way 2: by requirement, the most missed first.
  const byReq = r.completion.byRequirement
    .filter((q) => q.done < q.due)
    .sort((a, b) => a.done - b.done)
    .map((q) => {
      const pts = incomplete.filter((p) => p.requirements.some((x) => x.requirementId === q.requirementId && !x.done));
      const listed = shortList(names(pts));
      return `尚缺${q.name}的${pts.length}个${listed ? `（${listed}）` : ''}`;
    });
  const byReqText = `其中，${byReq.join('，')}。`;
  return head + (textWidth(byReqText) < textWidth(bySetText) ? byReqText : bySetText);
}

function progress(r: Body): string[] {
  const complete = r.points.filter((p) => p.complete);
  const incomplete = r.points.filter((p) => !p.complete);
  const active = r.points.filter((p) => p.monthCount > 0);
  const quiet = r.points.filter((p) => p.monthCount === 0);
  const total = r.points.length;
  const paragraphs: string[] = [];
  if (complete.length === 0) paragraphs.push('目前尚无联系点完成全部规定动作。');
  else if (complete.length === total) paragraphs.push(`${total}个联系点均已完成全部规定动作。`);
  else {
    const listed = shortList(names(complete));
    paragraphs.push(`已完成全部规定动作的联系点${complete.length}个${listed ? `：${listed}` : ''}。${incompleteText(r, incomplete)}`);
  }
  if (active.length === 0) paragraphs.push('本月各联系点均未报告新开展的活动。');
  else if (quiet.length === 0) paragraphs.push(`本月${total}个联系点均开展了活动，各点活动次数见表3。`);
  else {
    const quietListed = shortList(names(quiet));
    paragraphs.push(
      `本月${shareWord(active.length, total)}联系点开展了活动（${active.length}个），` +
        (quietListed ? `${quietListed}未报告活动` : `${quiet.length}个联系点未报告活动`) +
        '，各点活动次数见表3。',
    );
  }
  return paragraphs;
}

function problems(r: Body): string[] {
  const items: string[] = [];
  const total = r.points.length;
  const lagging = r.completion.byRequirement.filter((q) => q.done < q.due).sort((a, b) => a.done - b.done);
  if (lagging.length > 0) {
    const [lowest, ...others] = lagging;
    // Requirements missed by as many points are named together: 「甲、乙各有1个联系点未开展」.
    const byMissing = new Map<number, string[]>();
    for (const q of others) byMissing.set(q.due - q.done, [...(byMissing.get(q.due - q.done) ?? []), q.name]);
    const rest = [...byMissing].map(([n, reqs]) => `${reqs.join('、')}${reqs.length > 1 ? '各' : ''}有${n}个联系点未开展`);
    items.push(
      `规定动作尚未全部完成。${lowest.name}完成率${percent(lowest.rate)}，` +
        `${lagging.length > 1 ? '为各项最低，' : ''}尚有${lowest.due - lowest.done}个联系点未开展` +
        (rest.length > 0 ? `；${rest.join('，')}` : '') +
        '。',
    );
  }
  const flagged = r.points.filter((p) => p.pace !== null);
  const rule = r.pace.inForce;
  if (rule && flagged.length > 0) {
    const listed = shortList(names(flagged));
    items.push(
      `${shareWord(flagged.length, total)}联系点进度${rule.label}。活动期间${r.monthsTotal}个月已过${r.monthsElapsed}个月（${rule.milestone}后），` +
        `仍有${flagged.length}个联系点规定动作未完成，列为“${rule.label}”${listed ? `：${listed}` : '，详见表3'}。`,
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
    if (missing.length > 0) parts.push(`${whoList(missing.map((p) => p.name), '省级组织')}本月未报送台账`);
    if (late.length > 0) parts.push(`${whoList(late.map((p) => p.name), '省级组织')}逾期报送`);
    const tooMany = missing.length > NAMES_LISTED_MAX || late.length > NAMES_LISTED_MAX;
    const word = shareWord(missing.length + late.length, r.provinces.length);
    items.push(
      `${word === '全部' ? '各省级组织均' : `${word}省级组织`}未按时报送台账。${parts.join('；')}${tooMany ? '，详见表4' : ''}。`,
    );
  }
  if (r.errorRecords > 0) {
    const withErrors = r.provinces.filter((p) => p.errorRecordCount > 0);
    const records = r.provinces.reduce((s, p) => s + p.recordCount, 0);
    const by = shortList(withErrors.map((p) => `${p.name}${p.errorRecordCount}条`)) ?? `${withErrors.length}个省级组织`;
    const kinds = r.errorKinds.map((k) => `${k.label}${k.count}条`).join('、');
    items.push(
      `${shareWord(r.errorRecords, records)}台账记录有误。现有${r.errorRecords}条活动记录存在错误（${kinds}），未计入统计，涉及${by}。`,
    );
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
    (catchUp.length > 0
      ? `请${shortList(catchUp.map((p) => p.name)) ?? `未报送的${catchUp.length}个省级组织`}尽快补报${r.monthLabel}台账；`
      : '') +
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
