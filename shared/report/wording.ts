// How the report's text words a share: one rule, so 「个别」 never describes 9 of 12. Also how a
// group of names is shown: listed when short, counted (with a pointer to the table) when long.

/** 个别 (one or two, a minority) · 部分 (a minority) · 半数 · 多数 (a majority) · 全部 (all) · 无 (none). */
export type ShareWord = '无' | '个别' | '部分' | '半数' | '多数' | '全部';

/** The word for `count` of `total`: 个别 for one or two when that is a minority, then by majority. */
export function shareWord(count: number, total: number): ShareWord {
  if (count <= 0 || total <= 0) return '无';
  if (count >= total) return '全部';
  if (count * 2 === total) return '半数';
  if (count * 2 > total) return '多数';
  return count <= 2 ? '个别' : '部分';
}

/** Names are written out up to this many; a longer group is counted and the table named. */
export const NAMES_LISTED_MAX = 3;

/** 「甲、乙」 for a short group, or null when it is too long to list. */
export function shortList(names: readonly string[], max = NAMES_LISTED_MAX): string | null {
  return names.length > 0 && names.length <= max ? names.join('、') : null;
}

/** 「甲、乙」 or 「9个省级组织」: the names when short, else the count with its unit and noun. */
export function whoList(names: readonly string[], noun: string, max = NAMES_LISTED_MAX): string {
  return shortList(names, max) ?? `${names.length}个${noun}`;
}
