// Section headings between a tracker's records (一、规定动作 / （二）自选动作 / 第一季度 / 2017年4月份):
// they group the rows below, and are never a header or a record.
import { cellText, isBlank } from './cells';
import type { CellValue } from './types';

// A heading between records: 一、规定动作 / （二）自选动作 / 第一季度 / 2017年4月份 / 3、走访.
export const SECTION =
  /^(?:[一二三四五六七八九十]{1,3}\s*[、.．]|[(（]\s*[一二三四五六七八九十\d]{1,3}\s*[)）]|\d{1,2}\s*、|第[一二三四五六七八九十\d]{1,3}(?:部分|季度|阶段|階段|批|项|項|类|類))|^(?:\d{4}\s*年\s*)?(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*月份?(?:活动|活動|工作)?(?:情况|情況)?$|^(?:\d{4}\s*年\s*)?第?[一二三四1-4]\s*季度/u;
export const SECTION_NUMBER = /^(?:[一二三四五六七八九十]{1,3}\s*[、.．]|[(（]\s*[一二三四五六七八九十\d]{1,3}\s*[)）]|\d{1,2}\s*、)\s*/u;

/** A row whose only text is a section heading (merged across the table or not). */
export function isSectionRow(row: readonly CellValue[]): boolean {
  let text: string | null = null;
  for (const v of row) {
    if (isBlank(v)) continue;
    if (text !== null || typeof v !== 'string') return false;
    text = cellText(v);
  }
  return text !== null && SECTION.test(text);
}
