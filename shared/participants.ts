// Participant counts as written: 80, "80人", "约80", "８０", "80余人", "八十人", "40 people".
import { remember } from './memo';
import { chineseNumber } from './numerals';
import type { CellValue } from './types';

const COUNT = /^(?:约|大约|近|共|计|共计|逾|超过|达)?(\d+|[〇零一二两三四五六七八九十百千]+)(?:余|多|来)?(?:人次|人|名|位|people|persons|person|pax)?(?:左右|以上)?$/u;

const cache = new Map<string, number | null>();

/** The count a cell states, or null when blank or not a count. */
export function parseParticipants(value: CellValue): number | null {
  if (typeof value === 'number') return Number.isInteger(value) && value >= 0 && value < 1e7 ? value : null;
  if (typeof value !== 'string') return null;
  return remember(cache, value, () => fromText(value));
}

function fromText(value: string): number | null {
  const s = value.normalize('NFKC').replace(/[\s,，]/g, '');
  const m = COUNT.exec(s);
  if (!m) return null;
  const n = /^\d+$/.test(m[1]) ? Number(m[1]) : chineseNumber(m[1]);
  return n !== null && n < 1e7 ? n : null;
}
