// Text normalisation for matching names, headers and activity types. The only module that imports
// opencc-js, so the traditional → simplified tables load once and only where needed.
// @ts-ignore TS1479: opencc-js ships ESM types only; its `require` entry (UMD) is what node16 CommonJS loads.
import { Converter } from 'opencc-js/t2cn';
import { remember } from './memo';

let converter: ((s: string) => string) | null = null;

const CJK = '\\u3400-\\u9fff\\uf900-\\ufaff';
const HAS_CJK = new RegExp(`[${CJK}]`, 'u');

// Variant characters OpenCC leaves alone but place names use (the seed writes 陜西 for 陕西).
const VARIANTS: Record<string, string> = { 陜: '陕', 峯: '峰', 衆: '众', 綫: '线' };
const VARIANT = new RegExp(`[${Object.keys(VARIANTS).join('')}]`, 'gu');

/** Traditional (Hong Kong / Taiwan variants included) → simplified Chinese. */
export function toSimplified(s: string): string {
  if (!HAS_CJK.test(s)) return s;
  converter ??= Converter({ from: 'hk', to: 'cn' }) as (s: string) => string;
  return converter(s.replace(VARIANT, (ch) => VARIANTS[ch]));
}

// A pinyin annotation right after a character, as scraped web text carries it: 聯(lián), 畢節(jié).
const PINYIN_ANNOTATION = new RegExp(
  `([${CJK}])\\(([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüêńňǹḿ]{1,7})\\)`,
  'giu',
);
const INVISIBLE = /[\s\u200b-\u200d\u2060\ufeff]+/gu;

// Matching keys are asked for again and again (headers, point names, type texts).
const cache = new Map<string, string>();

/** NFKC, pinyin annotations such as 聯(lián) removed, traditional → simplified: what cleanText and
 *  normalizeText have in common before they treat whitespace differently. */
function simplified(s: string): string {
  return toSimplified(s.normalize('NFKC').replace(PINYIN_ANNOTATION, '$1'));
}

/** Readable clean-up: NFKC (full-width → half-width, U+3000 → space), pinyin annotations removed,
 *  traditional → simplified, whitespace runs collapsed and trimmed. For names shown to people. */
export function cleanText(s: string): string {
  return simplified(s).replace(INVISIBLE, ' ').trim();
}

/** The matching key of a text: t2s, full-width → half-width, NFKC, no whitespace (U+3000 included),
 *  no pinyin annotations, lower-case. Two texts that people would call the same give the same key. */
export function normalizeText(s: string): string {
  return remember(cache, s, () => simplified(s).replace(INVISIBLE, '').toLowerCase());
}
