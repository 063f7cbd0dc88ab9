// Whether a lecture's content was published (会内媒体刊发), read from its 刊发情况 column or — where a
// tracker has none — from any text of the row that says so (备注「已在會刊刊發」). The words are data:
// texts are compared after normalizeText, so traditional forms (刊發, 會刊) match the simplified ones.
import { normalizeText } from './text';
import type { TrackerRecord } from './types';

/** Words that say a text was published, or where: 刊发, 刊登, 发表, 会刊, 网站… */
export const PUBLISHED_MARKERS: readonly string[] = [
  '刊发', '刊登', '刊载', '登载', '发表', '转载', '会刊', '会讯', '简报', '网站', '公众号', '微信', '报道', '专刊', '期刊',
];

/** Words that say it was not (yet) published: they win over a marker (未刊发, 尚未发表, 待刊登, 拟在会刊刊发). */
export const NOT_PUBLISHED_MARKERS: readonly string[] = ['未', '尚未', '暂未', '没有', '待', '拟', '准备', '计划'];

// A "not" word a few characters before a marker: 尚未在会刊刊发, 拟于网站发表.
const NEGATED = new RegExp(`(${NOT_PUBLISHED_MARKERS.join('|')}).{0,4}(${PUBLISHED_MARKERS.join('|')})`, 'u');

/** True when the text says the content was published (and not that it was not). */
export function saysPublished(text: string | null): boolean {
  if (!text) return false;
  const key = normalizeText(text);
  return PUBLISHED_MARKERS.some((m) => key.includes(m)) && !NEGATED.test(key);
}

/** The text that records the publication: the 刊发情况 cell, else the first of 备注, 简况, 主题 that says it. */
export function publicationOf(record: Pick<TrackerRecord, 'publication' | 'remarks' | 'summary' | 'title'>): string | null {
  if (record.publication) return record.publication;
  return [record.remarks, record.summary, record.title].find((text) => saysPublished(text)) ?? null;
}
