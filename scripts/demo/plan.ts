// What the demo's twelve provinces did (the truth the report must reproduce), and records of the
// same shape at any scale for the bench. Deterministic: the same campaign and month give the same plan.
import type { AggregateRecord, AggregateResponse } from '../../shared/api';
import { monthEnd, nextMonth } from '../../shared/calendar';
import { pad2 } from '../../shared/cells';
import type { Campaign, IsoDate, IsoMonth, LiaisonPoint, TypeCode } from '../../shared/types';

export interface DemoActivity {
  pointId: string;
  date: IsoDate;
  type: TypeCode;
  leader: string;
  title: string;
  participants: number;
  summary: string;
  publication: string;
  materials: string;
  filledBy: string;
  remarks: string;
  /** False for a row deliberately wrong (a date outside the period): it must not count. */
  counts: boolean;
}

export type DemoSubmission = 'on-time' | 'late' | 'missing';

export interface DemoProvince {
  provinceId: string;
  /** The month of the tracker the province submits (the report month, or earlier when it missed it). */
  trackerMonth: IsoMonth;
  /** How the report month's submission goes: in time, after the due day, or not at all. */
  submission: DemoSubmission;
  activities: DemoActivity[];
}

/** A small seeded generator (mulberry32): varied but repeatable figures. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const LEADERS = ['王明', '李华', '张伟', '刘洋', '陈静', '杨帆', '赵磊', '黄丽', '周强', '吴敏', '徐涛', '孙悦'];
const CLERKS = ['马丽', '郭峰', '何静', '高翔', '林娜', '罗斌'];

const TITLES: Record<TypeCode, string[]> = {
  lecture: ['不忘合作初心，继续携手前进', '不忘合作初心，继续携手前进——学习中共十八届六中全会精神'],
  symposium: ['联系点工作座谈会', '会员代表座谈交流会', '基层组织建设调研座谈'],
  'branch-meeting': ['参加第一支部组织生活会', '参加教育支部专题组织生活会'],
  'veteran-visit': ['看望慰问老同志、老会员', '走访看望离退休老会员'],
  'grassroots-visit': ['走访基层支部，推动“我为机关建设建一言”', '指导推动基层组织工作'],
  'authority-liaison': ['与市委统战部沟通交流', '与当地有关部门领导座谈'],
  'experience-summary': ['总结提炼联系点工作经验', '宣传联系点工作典型'],
  'self-chosen': ['会史教育报告会', '参观合作史展览'],
  other: ['其他活动'],
};

const SUMMARIES: Record<TypeCode, string> = {
  lecture: '领导小组成员为基层会员授课，围绕合作初心和参政党建设作专题辅导。',
  symposium: '听取市委会工作汇报，与基层会员座谈交流，了解思想状况和工作诉求。',
  'branch-meeting': '参加支部组织生活会，与支部会员一起学习交流。',
  'veteran-visit': '看望慰问老同志、老会员，听取意见建议，送上节日问候。',
  'grassroots-visit': '走访基层组织，了解支部建设情况，推动“我为机关建设建一言”活动。',
  'authority-liaison': '与当地党委统战部负责同志沟通交流，争取对民进工作的支持。',
  'experience-summary': '梳理联系点工作做法，形成经验材料。',
  'self-chosen': '结合本地实际开展的自选动作。',
  other: '其他活动。',
};

/** Which required activities each province's point has done by the report month; the rest is optional work. */
interface Script {
  provinceId: string;
  submission: DemoSubmission;
  /** Months back from the report month of the tracker submitted (1: it missed this month). */
  trackerLag?: number;
  /** Types done, each with the month offset back from the tracker month (0: in it). */
  done: [TypeCode, number][];
  /** A row dated before the period: it must be refused, and its type not counted. */
  outOfPeriod?: TypeCode;
}

// Seven points complete, five not; one province late, one that missed the month.
const SCRIPTS: Script[] = [
  { provinceId: 'beijing', submission: 'on-time', done: [['lecture', 2], ['symposium', 1], ['veteran-visit', 0], ['grassroots-visit', 0]] },
  { provinceId: 'shanghai', submission: 'on-time', done: [['lecture', 3], ['branch-meeting', 2], ['symposium', 0], ['veteran-visit', 1]] },
  { provinceId: 'shanxi', submission: 'on-time', done: [['lecture', 1], ['authority-liaison', 0]] },
  { provinceId: 'liaoning', submission: 'on-time', done: [['lecture', 2], ['symposium', 0], ['grassroots-visit', 0]] },
  { provinceId: 'heilongjiang', submission: 'missing', trackerLag: 1, done: [['lecture', 1], ['symposium', 0]] },
  { provinceId: 'jiangsu', submission: 'on-time', done: [['veteran-visit', 3], ['lecture', 2], ['symposium', 1], ['experience-summary', 0], ['self-chosen', 0]] },
  { provinceId: 'fujian', submission: 'on-time', done: [['symposium', 1], ['veteran-visit', 0]] },
  { provinceId: 'guangdong', submission: 'late', done: [['lecture', 1], ['symposium', 1], ['veteran-visit', 0]] },
  { provinceId: 'hainan', submission: 'on-time', done: [['lecture', 2], ['symposium', 2], ['veteran-visit', 1], ['grassroots-visit', 0]] },
  { provinceId: 'guizhou', submission: 'on-time', done: [['lecture', 3], ['branch-meeting', 1], ['veteran-visit', 0]] },
  { provinceId: 'shaanxi', submission: 'on-time', done: [['lecture', 1], ['symposium', 0]], outOfPeriod: 'veteran-visit' },
  { provinceId: 'ningxia', submission: 'on-time', done: [['lecture', 2], ['symposium', 1], ['veteran-visit', 0], ['authority-liaison', 0]] },
];

function shiftMonth(month: IsoMonth, back: number): IsoMonth {
  const [y, m] = month.split('-').map(Number);
  const index = y * 12 + (m - 1) - back;
  return `${Math.floor(index / 12)}-${pad2((index % 12) + 1)}`;
}

function activity(
  point: LiaisonPoint,
  pointIndex: number,
  type: TypeCode,
  date: IsoDate,
  rand: () => number,
  counts = true,
): DemoActivity {
  const titles = TITLES[type];
  const lecture = type === 'lecture';
  return {
    pointId: point.id,
    date,
    type,
    leader: LEADERS[pointIndex % LEADERS.length],
    title: titles[Math.floor(rand() * titles.length)],
    participants: 20 + Math.floor(rand() * 100),
    summary: SUMMARIES[type],
    // Every other lecture is already published in the association's media.
    publication: lecture ? (rand() < 0.5 ? '已在《民进》会刊刊发' : '待刊发') : '',
    materials: rand() < 0.5 ? '照片、签到表' : '简报',
    filledBy: CLERKS[Math.floor(rand() * CLERKS.length)],
    remarks: '',
    counts,
  };
}

/** The demo's twelve provinces for the report month of the default campaign's shape. */
export function planDemo(campaign: Campaign, month: IsoMonth): DemoProvince[] {
  const rand = random(20170501);
  return SCRIPTS.flatMap((script) => {
    const points = campaign.points.filter((p) => p.provinceId === script.provinceId);
    if (points.length === 0) return [];
    const trackerMonth = shiftMonth(month, script.trackerLag ?? 0);
    const activities = points.flatMap((point) => {
      const index = campaign.points.indexOf(point);
      const list = script.done.map(([type, back], i) => {
        const day = 3 + ((i * 7 + index) % 24);
        return activity(point, index, type, `${shiftMonth(trackerMonth, back)}-${pad2(day)}`, rand);
      });
      if (script.outOfPeriod) {
        const before = `${Number(campaign.period.start.slice(0, 4)) - 1}-12-03`;
        list.push(activity(point, index, script.outOfPeriod, before, rand, false));
      }
      return list;
    });
    // Text that looks like a formula must stay text wherever we write it.
    if (activities[0]) activities[0].remarks = '-已同步报送省委会';
    if (activities[1]) activities[1].materials = '@民进网站 新闻链接';
    return [{ provinceId: script.provinceId, trackerMonth, submission: script.submission, activities }];
  });
}

/**
 * `count` counting records spread over the campaign's points and the months up to `month`, as the
 * aggregate returns them (for the bench: no storage, no trackers in between).
 */
export function scaledAggregate(campaign: Campaign, month: IsoMonth, count: number): AggregateResponse {
  const rand = random(count);
  const types: TypeCode[] = ['lecture', 'symposium', 'branch-meeting', 'veteran-visit', 'grassroots-visit', 'authority-liaison', 'self-chosen'];
  const months = Number(month.slice(5, 7));
  const records: AggregateRecord[] = [];
  for (let i = 0; i < count; i++) {
    const pointIndex = i % campaign.points.length;
    const point = campaign.points[pointIndex];
    const m = 1 + Math.floor(rand() * months);
    const day = 1 + Math.floor(rand() * 28);
    const a = activity(point, pointIndex, types[Math.floor(rand() * types.length)], `${month.slice(0, 4)}-${pad2(m)}-${pad2(day)}`, rand);
    records.push({
      row: 3 + Math.floor(i / campaign.points.length),
      liaisonPointId: a.pointId,
      date: a.date,
      type: a.type,
      leader: a.leader,
      title: i % 1000 === 0 ? `=${a.title}` : a.title,
      participants: a.participants,
      summary: a.summary,
      publication: a.publication || null,
      materials: a.materials,
      filledBy: a.filledBy,
      remarks: null,
      provinceId: point.provinceId,
      submissionId: `${point.provinceId}-1`,
      issues: [],
    });
  }
  const submittedAt = `${nextMonth(month)}-02T02:00:00.000Z`;
  return {
    campaignId: campaign.id,
    month,
    asOf: monthEnd(month),
    points: [],
    provinces: campaign.provinces.map((p) => ({ provinceId: p.id, name: p.name, submitted: true, version: 1, submittedAt, late: false })),
    records,
    countsByType: {},
  };
}
