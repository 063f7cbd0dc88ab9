// Chinese numerals as people write them in dates and counts: 二〇一七, 十五, 二十三, 一百二十.

const DIGITS: Record<string, number> = {
  〇: 0, 零: 0, '○': 0, Ｏ: 0, O: 0, o: 0, 一: 1, 壹: 1, 二: 2, 两: 2, 贰: 2, 三: 3, 叁: 3, 四: 4, 肆: 4,
  五: 5, 伍: 5, 六: 6, 陆: 6, 七: 7, 柒: 7, 八: 8, 捌: 8, 九: 9, 玖: 9,
};
const UNITS: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };

/** Digit-by-digit reading, as years are written: 二〇一七 → 2017. Null if any character is not a digit. */
export function chineseDigits(s: string): number | null {
  if (s === '') return null;
  let n = 0;
  for (const ch of s) {
    const d = DIGITS[ch];
    if (d === undefined) return null;
    n = n * 10 + d;
  }
  return n;
}

/** A positional Chinese number below 10,000: 十五 → 15, 二十三 → 23, 一百零五 → 105. Null otherwise. */
export function chineseNumber(s: string): number | null {
  if (s === '') return null;
  if (!/[十拾百佰千仟]/.test(s)) return s.length === 1 ? (DIGITS[s] ?? null) : chineseDigits(s);
  let total = 0;
  let digit: number | null = null;
  for (const ch of s) {
    const unit = UNITS[ch];
    if (unit !== undefined) {
      total += (digit ?? 1) * unit;
      digit = null;
      continue;
    }
    const d = DIGITS[ch];
    if (d === undefined) return null;
    digit = d;
  }
  return total + (digit ?? 0);
}

export const CHINESE_NUMERAL_CHARS = '〇零○一壹二两贰三叁四肆五伍六陆七柒八捌九玖十拾百佰千仟';
