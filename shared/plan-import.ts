// A campaign from the text of a work plan notice (方案) like the seed: its name, period and the
// liaison points of its 附件 list, with provinces and ids derived from the names. Tolerates the
// damage scraped text carries (traditional characters, pinyin annotations, garbled lines).
import { CampaignError, DEFAULT_SUBMISSION_DUE_DAY, daysInMonth, defaultRequirements, withDisplayNames } from './campaign';
import { pad2 } from './cells';
import { pointCore } from './match';
import { chineseNumber } from './numerals';
import { PLACE_PINYIN, PROVINCE_NAME_FORMS } from './regions';
import type { ProvinceInfo } from './regions';
import { cleanText } from './text';
import type { Campaign, LiaisonPoint, Province } from './types';

const POINT_NAME = /民进([^\s,，。;；:：、()（）《》“”"]{2,30}?)(工作委员会|委员会|工委)/gu;
const RANGE =
  /(\d{4})\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?\s*(?:-|—|–|~|～|至|到)+\s*(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?/u;
const WHOLE_YEAR = /时间\s*[:：]?\s*(\d{4})\s*年(?:全年|度)?(?![\d\s]*月)/u;

/** The province a name (without 民进) begins with, and what follows it (the city part). */
function provinceOf(nameWithoutPrefix: string): { province: ProvinceInfo; rest: string } | null {
  for (const [form, province] of PROVINCE_NAME_FORMS) {
    if (nameWithoutPrefix.startsWith(form)) return { province, rest: nameWithoutPrefix.slice(form.length) };
  }
  return null;
}

function planName(lines: string[]): string {
  for (const line of lines) {
    const quoted = /《([^》]*(?:方案|计划|通知))》/u.exec(line);
    if (quoted) return quoted[1].replace(/(工作)?(方案|计划|通知)$/u, (_, work: string | undefined) => (work ? '工作' : ''));
  }
  const first = lines.find((l) => l !== '') ?? '';
  return first.replace(/部署|印发|关于/gu, '');
}

function period(text: string): { start: string; end: string } | null {
  const labelled = /时间\s*[:：]?\s*([^\n]*)/u.exec(text);
  const range = (labelled && RANGE.exec(labelled[1])) ?? RANGE.exec(text);
  if (range) {
    const y1 = Number(range[1]);
    const m1 = Number(range[2]);
    const y2 = range[4] ? Number(range[4]) : y1;
    const m2 = Number(range[5]);
    if (m1 < 1 || m1 > 12 || m2 < 1 || m2 > 12) return null;
    const d1 = range[3] ? Number(range[3]) : 1;
    const d2 = range[6] ? Number(range[6]) : daysInMonth(y2, m2);
    if (d1 < 1 || d1 > daysInMonth(y1, m1) || d2 < 1 || d2 > daysInMonth(y2, m2)) return null;
    const start = `${y1}-${pad2(m1)}-${pad2(d1)}`;
    const end = `${y2}-${pad2(m2)}-${pad2(d2)}`;
    return start <= end ? { start, end } : null;
  }
  const year = WHOLE_YEAR.exec(text);
  return year ? { start: `${year[1]}-01-01`, end: `${year[1]}-12-31` } : null;
}

function pointLines(lines: string[]): string[] {
  const annex = lines.findIndex((l) => /^附\s*件/u.test(l));
  return annex >= 0 ? lines.slice(annex + 1) : lines;
}

function readPoints(lines: string[]): { points: LiaisonPoint[]; provinces: Province[] } {
  const points: LiaisonPoint[] = [];
  const provinces: Province[] = [];
  const perProvince = new Map<string, number>();
  const ids = new Set<string>();
  const names = new Set<string>();
  for (const m of lines.flatMap((line) => [...line.matchAll(POINT_NAME)])) {
    const found = provinceOf(m[1]);
    // A provincial organisation (民进北京市委员会) is not a liaison point.
    if (!found || found.rest.length < 2) continue;
    const { province } = found;
    const name = `民进${m[1]}${m[2]}`;
    if (names.has(name)) continue;
    names.add(name);
    if (!provinces.some((p) => p.id === province.id)) provinces.push({ id: province.id, name: province.name });
    const n = (perProvince.get(province.id) ?? 0) + 1;
    perProvince.set(province.id, n);
    const place = PLACE_PINYIN[pointCore(name)];
    let id = place ? `${province.id}-${place}` : `${province.id}-${n}`;
    for (let k = 2; ids.has(id); k++) id = `${province.id}-${place ?? n}-${k}`;
    ids.add(id);
    points.push({ id, name, provinceId: province.id });
  }
  return { points, provinces };
}

function campaignId(text: string, year: string): string {
  const batch = /第\s*([0-9一二三四五六七八九十]+)\s*批/u.exec(text);
  if (!batch) return `${year}-plan`;
  const n = /^\d+$/.test(batch[1]) ? Number(batch[1]) : chineseNumber(batch[1]);
  return n ? `${year}-batch-${n}` : `${year}-plan`;
}

/** Builds a campaign from a plan notice. Requirements are the three of DOMAIN.md. Throws
 *  CampaignError 'plan-no-period' or 'plan-no-points' when the text lacks them. */
export function importPlan(text: string): Campaign {
  const lines = String(text ?? '')
    .split(/\r\n|\r|\n/)
    .map((l) => cleanText(l));
  const clean = lines.join('\n');
  const when = period(clean);
  if (!when) {
    throw new CampaignError(
      'plan-no-period',
      'period',
      '方案中没有找到活动期间（如“时间：2017年1月-12月”）。',
      'No campaign period found in the plan (e.g. 时间：2017年1月-12月).',
    );
  }
  let found = readPoints(pointLines(lines));
  if (found.points.length === 0) found = readPoints(lines);
  if (found.points.length === 0) {
    throw new CampaignError(
      'plan-no-points',
      'points',
      '方案中没有找到联系点名单（形如“民进××省××市委员会”的行）。',
      'No liaison points found in the plan (lines like 民进××省××市委员会).',
    );
  }
  return {
    id: campaignId(clean, when.start.slice(0, 4)),
    name: planName(lines),
    period: when,
    provinces: found.provinces,
    points: withDisplayNames(found.points, found.provinces),
    requirements: defaultRequirements(),
    submissionDueDay: DEFAULT_SUBMISSION_DUE_DAY,
  };
}
