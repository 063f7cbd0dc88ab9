// Matching liaison points and provinces from the names people write: full, short (海淀区, 海淀,
// 民进海淀区委, 毕节市工委), traditional, ids, and names behind garbled characters.
import { remember } from './memo';
import { normalizeText } from './text';
import { CHINA_PROVINCES, PROVINCE_NAME_FORMS, PROVINCE_SUFFIXES } from './regions';
import type { Campaign, LiaisonPoint, Province, TrackerRecord } from './types';

const ORG_PREFIX = '民进';
// Organisation suffixes, longest first (委 last: 海淀区委).
const ORG_SUFFIXES = ['工作委员会', '委员会', '总支部', '总支', '工委', '支部', '组织', '委'];
const PLACE_SUFFIXES = ['自治州', '自治县', '地区', '新区', '市', '区', '县', '州', '盟', '旗'];
// Punctuation, replacement characters and other debris that garbling leaves around a name.
const EDGE_JUNK = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;

const PROVINCE_PREFIXES: string[] = PROVINCE_NAME_FORMS.map(([form]) => form);

function stripEnd(s: string, suffixes: readonly string[], minRest: number): string {
  for (const suffix of suffixes) {
    if (s.endsWith(suffix) && s.length - suffix.length >= minRest) return s.slice(0, -suffix.length);
  }
  return s;
}

function stripStart(s: string, prefixes: readonly string[]): string {
  for (const prefix of prefixes) if (s.startsWith(prefix)) return s.slice(prefix.length);
  return s;
}

/** The distinctive part of a point's (normalised) name: 民进北京市海淀区委员会 → 海淀. '' when the name
 *  names only a province (民进北京市委员会). */
export function pointCore(key: string): string {
  let s = key.replace(EDGE_JUNK, '');
  if (s.startsWith(ORG_PREFIX)) s = s.slice(ORG_PREFIX.length);
  s = stripEnd(s, ORG_SUFFIXES, 1);
  s = stripStart(s, PROVINCE_PREFIXES);
  // A district inside a city (长春市朝阳区) is named by the district.
  const district = /^.{2,}?市(.{2,}[区县旗])$/u.exec(s);
  if (district) s = district[1];
  return stripEnd(s, PLACE_SUFFIXES, 2);
}

interface PointIndex {
  keys: Map<string, Set<LiaisonPoint>>;
  /** [core, point] pairs for finding a core inside a longer or damaged text. */
  cores: [string, LiaisonPoint][];
  cache: Map<string, LiaisonPoint | null>;
}

function addKey<T>(map: Map<string, Set<T>>, key: string, value: T): void {
  if (key === '') return;
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(value);
}

function only<T>(set: Set<T> | undefined): T | null | undefined {
  if (!set) return undefined;
  return set.size === 1 ? set.values().next().value! : null;
}

const pointIndexes = new WeakMap<Campaign, PointIndex>();

// Built once per campaign object; the result cache means each distinct text is normalised once.
function pointIndex(campaign: Campaign): PointIndex {
  let index = pointIndexes.get(campaign);
  if (index) return index;
  const keys = new Map<string, Set<LiaisonPoint>>();
  const cores: [string, LiaisonPoint][] = [];
  for (const point of campaign.points) {
    const id = normalizeText(point.id);
    addKey(keys, id, point);
    addKey(keys, id.replace(/[-_]/g, ''), point);
    // The place part of the id (changzhou of jiangsu-changzhou): how an English tracker names the point.
    const place = id.slice(id.indexOf('-') + 1);
    if (place !== id && place.length >= 3) {
      addKey(keys, place, point);
      // Bijie City, Wuzhong Municipal Committee: the place inside a longer English name.
      if (place.length >= 4) cores.push([place, point]);
    }
    for (const name of [point.name, ...(point.aliases ?? [])]) {
      const key = normalizeText(name);
      addKey(keys, key, point);
      const core = pointCore(key);
      if (core.length >= 2) {
        addKey(keys, core, point);
        cores.push([core, point]);
      }
    }
  }
  index = { keys, cores, cache: new Map() };
  pointIndexes.set(campaign, index);
  return index;
}

function findPoint(text: string, index: PointIndex): LiaisonPoint | null {
  const key = normalizeText(text).replace(EDGE_JUNK, '');
  if (key === '') return null;
  const exact = only(index.keys.get(key)) ?? only(index.keys.get(pointCore(key)));
  if (exact !== undefined) return exact;
  // A core inside the text (北京市海淀区民进, ?。民進海淀區委): only when exactly one point's core is there.
  const found = new Set<LiaisonPoint>();
  for (const [core, point] of index.cores) if (key.includes(core)) found.add(point);
  return found.size === 1 ? found.values().next().value! : null;
}

/** The liaison point a text names (full, short, traditional, id, damaged), or null when none or
 *  several points fit. Results are memoised per campaign object. */
export function matchLiaisonPoint(text: string, campaign: Campaign): LiaisonPoint | null {
  if (typeof text !== 'string') return null;
  const index = pointIndex(campaign);
  return remember(index.cache, text, () => findPoint(text, index), 50_000);
}

interface ProvinceIndex {
  keys: Map<string, Set<Province>>;
  /** [name form, province], longest first, for prefixes and containment. */
  forms: [string, Province][];
}

const provinceIndexes = new WeakMap<Campaign, ProvinceIndex>();

function provinceIndex(campaign: Campaign): ProvinceIndex {
  let index = provinceIndexes.get(campaign);
  if (index) return index;
  const keys = new Map<string, Set<Province>>();
  const forms: [string, Province][] = [];
  for (const province of campaign.provinces) {
    const name = normalizeText(province.name);
    const known = CHINA_PROVINCES.find((p) => p.id === province.id || p.name === name || p.short === name);
    const short = known?.short ?? stripEnd(name, PROVINCE_SUFFIXES, 2);
    const names = new Set([name, short, ...PROVINCE_SUFFIXES.map((s) => short + s), ...(known ? [known.name] : [])]);
    addKey(keys, normalizeText(province.id), province);
    for (const form of names) {
      addKey(keys, form, province);
      if (form.length >= 2) forms.push([form, province]);
    }
  }
  forms.sort((a, b) => b[0].length - a[0].length);
  index = { keys, forms };
  provinceIndexes.set(campaign, index);
  return index;
}

/** The campaign province a text names (北京, 北京市, 民进北京市委, 寧夏, the id), or null. */
export function matchProvince(text: string, campaign: Campaign): Province | null {
  if (typeof text !== 'string') return null;
  const index = provinceIndex(campaign);
  let key = normalizeText(text).replace(EDGE_JUNK, '');
  if (key === '') return null;
  const exact = only(index.keys.get(key));
  if (exact !== undefined) return exact;
  if (key.startsWith(ORG_PREFIX)) key = key.slice(ORG_PREFIX.length);
  const bare = only(index.keys.get(stripEnd(key, ORG_SUFFIXES, 2)));
  if (bare !== undefined) return bare;
  for (const [form, province] of index.forms) if (key.startsWith(form)) return province;
  const found = new Set<Province>();
  for (const [form, province] of index.forms) if (key.includes(form)) found.add(province);
  return found.size === 1 ? found.values().next().value! : null;
}

/** The province a tracker belongs to: the one whose points its records name most often (a tracker
 *  is one province's; a stray row of another point does not decide). Null when no record names a point. */
export function trackerProvince(records: readonly TrackerRecord[], campaign: Campaign): string | null {
  const provinceOf = new Map(campaign.points.map((p) => [p.id, p.provinceId]));
  const counts = new Map<string, number>();
  for (const record of records) {
    const province = record.liaisonPointId === null ? undefined : provinceOf.get(record.liaisonPointId);
    if (province) counts.set(province, (counts.get(province) ?? 0) + 1);
  }
  let best: string | null = null;
  for (const [province, count] of counts) if (best === null || count > (counts.get(best) ?? 0)) best = province;
  return best;
}
