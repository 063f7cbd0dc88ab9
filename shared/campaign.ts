// The campaign model: the embedded default (DOMAIN.md) and validation of a campaign JSON.
import { pointDisplayName } from './names';
import { TYPE_CODES } from './types';
import type { Campaign, LiaisonPoint, Province, Requirement, TypeCode } from './types';

/** A campaign that cannot be used; `message` is Chinese, `path` points into the JSON. */
export class CampaignError extends Error {
  readonly code: string;
  readonly path: string;
  readonly messageEn: string;

  constructor(code: string, path: string, message: string, messageEn: string) {
    super(message);
    this.name = 'CampaignError';
    this.code = code;
    this.path = path;
    this.messageEn = messageEn;
  }
}

/** The three required activities (规定动作) of DOMAIN.md. */
export const DEFAULT_REQUIREMENTS: Requirement[] = [
  { id: 'lecture', name: '专题讲座', nameEn: 'Thematic lecture', minCount: 1, types: ['lecture'] },
  {
    id: 'symposium-or-branch-meeting',
    name: '座谈交流或支部生活会',
    nameEn: 'Symposium or branch meeting',
    minCount: 1,
    types: ['symposium', 'branch-meeting'],
  },
  { id: 'veteran-visit', name: '看望老同志', nameEn: 'Visit to veteran members', minCount: 1, types: ['veteran-visit'] },
];

/** A fresh copy of DEFAULT_REQUIREMENTS, for a campaign that states none (callers may change it). */
export function defaultRequirements(): Requirement[] {
  return DEFAULT_REQUIREMENTS.map((r) => ({ ...r, types: [...r.types] }));
}

export const DEFAULT_SUBMISSION_DUE_DAY = 5;

const DEFAULT_PROVINCES: Province[] = [
  { id: 'beijing', name: '北京市' },
  { id: 'shanghai', name: '上海市' },
  { id: 'shanxi', name: '山西省' },
  { id: 'liaoning', name: '辽宁省' },
  { id: 'heilongjiang', name: '黑龙江省' },
  { id: 'jiangsu', name: '江苏省' },
  { id: 'fujian', name: '福建省' },
  { id: 'guangdong', name: '广东省' },
  { id: 'hainan', name: '海南省' },
  { id: 'guizhou', name: '贵州省' },
  { id: 'shaanxi', name: '陕西省' },
  { id: 'ningxia', name: '宁夏回族自治区' },
];

const DEFAULT_POINTS: LiaisonPoint[] = [
  { id: 'beijing-haidian', name: '民进北京市海淀区委员会', provinceId: 'beijing' },
  { id: 'shanghai-jingan', name: '民进上海市静安区委员会', provinceId: 'shanghai' },
  { id: 'shanxi-lvliang', name: '民进山西省吕梁市委员会', provinceId: 'shanxi' },
  { id: 'liaoning-fushun', name: '民进辽宁省抚顺市委员会', provinceId: 'liaoning' },
  { id: 'heilongjiang-daqing', name: '民进黑龙江省大庆市委员会', provinceId: 'heilongjiang' },
  { id: 'jiangsu-changzhou', name: '民进江苏省常州市委员会', provinceId: 'jiangsu' },
  { id: 'fujian-nanping', name: '民进福建省南平市委员会', provinceId: 'fujian' },
  { id: 'guangdong-dongguan', name: '民进广东省东莞市委员会', provinceId: 'guangdong' },
  { id: 'hainan-sanya', name: '民进海南省三亚市委员会', provinceId: 'hainan' },
  { id: 'guizhou-bijie', name: '民进贵州省毕节市工委', provinceId: 'guizhou' },
  { id: 'shaanxi-weinan', name: '民进陕西省渭南市委员会', provinceId: 'shaanxi' },
  { id: 'ningxia-wuzhong', name: '民进宁夏自治区吴忠市委员会', provinceId: 'ningxia' },
];

/** Points named the one way (names.ts): the province inside a point's name as the campaign names the province. */
export function withDisplayNames(points: LiaisonPoint[], provinces: { id: string; name: string }[]): LiaisonPoint[] {
  const nameOf = new Map(provinces.map((p) => [p.id, p.name]));
  return points.map((p) => {
    const province = nameOf.get(p.provinceId);
    return province ? { ...p, name: pointDisplayName(p.name, province) } : p;
  });
}

/** The embedded default: the fourth batch of liaison points, 2017 (DOMAIN.md). */
export const DEFAULT_CAMPAIGN: Campaign = {
  id: '2017-batch-4',
  name: '民进中央学习实践活动第四批联系点工作',
  period: { start: '2017-01-01', end: '2017-12-31' },
  provinces: DEFAULT_PROVINCES,
  points: withDisplayNames(DEFAULT_POINTS, DEFAULT_PROVINCES),
  requirements: DEFAULT_REQUIREMENTS,
  submissionDueDay: DEFAULT_SUBMISSION_DUE_DAY,
};

/** The campaign's year (its period's start), used for dates written without a year. */
export function campaignYear(campaign: Campaign): number {
  return Number(campaign.period.start.slice(0, 4));
}

/** A true calendar date in `YYYY-MM-DD` form. */
export function isIsoDate(s: unknown): s is string {
  if (typeof s !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const [y, m, d] = s.split('-').map(Number);
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return MONTH_DAYS[month - 1] ?? 0;
}

type Json = Record<string, unknown>;

function fail(code: string, path: string, zh: string, en: string): never {
  throw new CampaignError(code, path, `活动配置错误（${path || '根'}）：${zh}`, `Invalid campaign (${path || 'root'}): ${en}`);
}

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

// Ids become storage keys and URL parts: no / \ # ? or control characters.
function id(v: unknown, path: string): string {
  if (typeof v !== 'string' || v.trim() === '') fail('campaign-field-missing', path, '缺少编号。', 'the id is missing.');
  if (v.length > 100 || /[/\\#?\u0000-\u001f\u007f]/.test(v) || v !== v.trim()) {
    fail('campaign-field-invalid', path, `编号「${v}」不可用（不能含 / \\ # ? 或空白首尾）。`, `the id "${v}" is not usable (no / \\ # ? or surrounding spaces).`);
  }
  return v;
}

function text(v: unknown, path: string, label: string, labelEn: string): string {
  if (typeof v !== 'string' || v.trim() === '') fail('campaign-field-missing', path, `缺少${label}。`, `the ${labelEn} is missing.`);
  return v.trim();
}

function optionalText(v: unknown, path: string): string | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  if (typeof v !== 'string') fail('campaign-field-invalid', path, '应为文本。', 'must be text.');
  return v.trim() || undefined;
}

function array(v: unknown, path: string, label: string, labelEn: string): unknown[] {
  if (!Array.isArray(v)) fail('campaign-field-missing', path, `缺少${label}列表。`, `the ${labelEn} list is missing.`);
  return v;
}

function unique<T extends { id: string }>(items: T[], path: string): void {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (seen.has(item.id)) {
      fail('campaign-duplicate-id', `${path}[${i}].id`, `编号「${item.id}」重复。`, `the id "${item.id}" occurs twice.`);
    }
    seen.add(item.id);
  });
}

function parseProvince(v: unknown, path: string): Province {
  if (!isObject(v)) fail('campaign-field-invalid', path, '省份应为对象。', 'a province must be an object.');
  return { id: id(v.id, `${path}.id`), name: text(v.name, `${path}.name`, '省份名称', 'province name') };
}

function parsePoint(v: unknown, path: string, provinceIds: Set<string>): LiaisonPoint {
  if (!isObject(v)) fail('campaign-field-invalid', path, '联系点应为对象。', 'a liaison point must be an object.');
  const point: LiaisonPoint = {
    id: id(v.id, `${path}.id`),
    name: text(v.name, `${path}.name`, '联系点名称', 'liaison point name'),
    provinceId: id(v.provinceId, `${path}.provinceId`),
  };
  const known = (pid: string, p: string): string => {
    if (!provinceIds.has(pid)) fail('campaign-unknown-province', p, `省份「${pid}」不在省份列表中。`, `the province "${pid}" is not in the province list.`);
    return pid;
  };
  known(point.provinceId, `${path}.provinceId`);
  if (v.coordinatingProvinceIds !== undefined) {
    const list = array(v.coordinatingProvinceIds, `${path}.coordinatingProvinceIds`, '协调省份', 'coordinating province');
    point.coordinatingProvinceIds = list.map((p, i) => known(id(p, `${path}.coordinatingProvinceIds[${i}]`), `${path}.coordinatingProvinceIds[${i}]`));
  }
  const leader = optionalText(v.leader, `${path}.leader`);
  if (leader) point.leader = leader;
  const leaderTitle = optionalText(v.leaderTitle, `${path}.leaderTitle`);
  if (leaderTitle) point.leaderTitle = leaderTitle;
  if (v.aliases !== undefined) {
    const list = array(v.aliases, `${path}.aliases`, '别名', 'alias');
    point.aliases = list.map((a, i) => text(a, `${path}.aliases[${i}]`, '别名', 'alias'));
  }
  return point;
}

function parseRequirement(v: unknown, path: string): Requirement {
  if (!isObject(v)) fail('campaign-field-invalid', path, '规定动作应为对象。', 'a requirement must be an object.');
  const minCount = v.minCount ?? 1;
  if (typeof minCount !== 'number' || !Number.isInteger(minCount) || minCount < 1) {
    fail('campaign-field-invalid', `${path}.minCount`, '最少次数应为正整数。', 'minCount must be a positive integer.');
  }
  const types = array(v.types, `${path}.types`, '活动类型', 'type').map((t, i): TypeCode => {
    if (!(TYPE_CODES as readonly unknown[]).includes(t)) {
      fail('campaign-unknown-type', `${path}.types[${i}]`, `未知的活动类型「${String(t)}」。`, `unknown activity type "${String(t)}".`);
    }
    return t as TypeCode;
  });
  if (types.length === 0) fail('campaign-field-invalid', `${path}.types`, '至少需要一种活动类型。', 'at least one type is needed.');
  const name = text(v.name, `${path}.name`, '规定动作名称', 'requirement name');
  return { id: id(v.id, `${path}.id`), name, nameEn: optionalText(v.nameEn, `${path}.nameEn`) ?? name, minCount, types };
}

/** Validates a campaign (an object, or its JSON text) and returns a clean copy. Requirements default
 *  to the three of DOMAIN.md and submissionDueDay to 5 when absent. Throws CampaignError. */
export function parseCampaign(json: unknown): Campaign {
  let v = json;
  if (typeof v === 'string') {
    try {
      v = JSON.parse(v) as unknown;
    } catch (e) {
      fail('campaign-json-invalid', '', `不是有效的 JSON（${(e as Error).message}）。`, `not valid JSON (${(e as Error).message}).`);
    }
  }
  if (!isObject(v)) fail('campaign-not-object', '', '活动配置应为 JSON 对象。', 'a campaign must be a JSON object.');
  const campaignId = id(v.id, 'id');
  const name = text(v.name, 'name', '活动名称', 'campaign name');
  if (!isObject(v.period)) fail('campaign-field-missing', 'period', '缺少活动期间（start、end）。', 'the period (start, end) is missing.');
  const { start, end } = v.period;
  if (!isIsoDate(start)) fail('campaign-period-invalid', 'period.start', '开始日期应为 YYYY-MM-DD。', 'start must be YYYY-MM-DD.');
  if (!isIsoDate(end)) fail('campaign-period-invalid', 'period.end', '结束日期应为 YYYY-MM-DD。', 'end must be YYYY-MM-DD.');
  if (start > end) fail('campaign-period-invalid', 'period', `开始日期 ${start} 晚于结束日期 ${end}。`, `start ${start} is after end ${end}.`);
  const provinces = array(v.provinces, 'provinces', '省份', 'province').map((p, i) => parseProvince(p, `provinces[${i}]`));
  unique(provinces, 'provinces');
  const provinceIds = new Set(provinces.map((p) => p.id));
  const points = array(v.points, 'points', '联系点', 'liaison point').map((p, i) => parsePoint(p, `points[${i}]`, provinceIds));
  if (points.length === 0) fail('campaign-field-missing', 'points', '至少需要一个联系点。', 'at least one liaison point is needed.');
  unique(points, 'points');
  const requirements =
    v.requirements === undefined
      ? defaultRequirements()
      : array(v.requirements, 'requirements', '规定动作', 'requirement').map((r, i) => parseRequirement(r, `requirements[${i}]`));
  unique(requirements, 'requirements');
  const due = v.submissionDueDay ?? DEFAULT_SUBMISSION_DUE_DAY;
  if (typeof due !== 'number' || !Number.isInteger(due) || due < 1 || due > 28) {
    fail('campaign-field-invalid', 'submissionDueDay', '报送截止日应为 1–28 的整数。', 'submissionDueDay must be an integer from 1 to 28.');
  }
  return { id: campaignId, name, period: { start, end }, provinces, points: withDisplayNames(points, provinces), requirements, submissionDueDay: due };
}

/** The points whose activities a province reports: its own, and those it coordinates (a part-time
 *  vice chair's point outside the vice chair's province). */
export function reportablePointIds(campaign: Campaign, provinceId: string): Set<string> {
  return new Set(
    campaign.points.filter((p) => p.provinceId === provinceId || (p.coordinatingProvinceIds ?? []).includes(provinceId)).map((p) => p.id),
  );
}

/** The activity types some requirement counts (规定动作); every other type is optional (自选动作). */
export function requiredTypes(campaign: Campaign): Set<TypeCode> {
  return new Set(campaign.requirements.flatMap((r) => r.types));
}
