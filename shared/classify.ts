// Free-text activity descriptions → type codes.
//
// Rule (documented, tested): a text can name more than one activity (看望老同志并座谈). Keywords sit in
// three tiers and the highest tier present decides; within a tier the keyword that comes first
// (the leading verb phrase, usually the main activity) decides.
//   1. the specific required activities: 专题讲座/授课, 支部生活会, 看望/慰问 (老同志);
//   2. symposium forms: 座谈, 调研, 研讨 — generic meetings that often accompany a specific activity;
//   3. the optional kinds: 走访基层, 沟通/统战部, 总结经验, 自选动作.
// So 看望老同志并召开座谈会 is a veteran visit, 走访基层组织并召开座谈会 a symposium: a row that
// names a required activity evidences it.
import { TYPE_LABELS } from './labels';
import { remember } from './memo';
import { normalizeText } from './text';
import { TYPE_CODES } from './types';
import type { TypeCode } from './types';

interface Rule {
  type: TypeCode;
  tier: 1 | 2 | 3;
  words: string[];
}

const RULES: Rule[] = [
  {
    type: 'lecture',
    tier: 1,
    words: ['专题讲座', '讲座', '授课', '讲课', '宣讲', '专题报告', '辅导报告', '作报告', '做报告', '报告会', '党课', '讲堂', '上课', '辅导', 'lecture', 'jiangzuo', 'shouke', 'xuanjiang'],
  },
  { type: 'branch-meeting', tier: 1, words: ['支部生活会', '组织生活会', '支部会', '生活会', '会员大会', '支部大会', '换届大会', '支部换届', '支部活动', '支部学习', 'branchmeeting', 'shenghuohui'] },
  {
    type: 'veteran-visit',
    tier: 1,
    words: ['看望', '慰问', '探望', '拜望', '拜访老', '走访老', '访问老', '老同志', '老会员', '老前辈', 'veteran', 'kanwang', 'weiwen', 'laotongzhi'],
  },
  { type: 'symposium', tier: 2, words: ['座谈', '调研', '调查研究', '研讨', '恳谈', '交流会', '茶话会', 'symposium', 'seminar', 'forum', 'discussion', 'zuotan', 'diaoyan'] },
  { type: 'grassroots-visit', tier: 3, words: ['走访基层', '走访', '基层组织', '指导推动', '指导', '建一言', '机关建设', '基层', 'grassroots', 'visit', 'zoufang'] },
  {
    type: 'authority-liaison',
    tier: 3,
    words: ['统战', '有关部门', '相关部门', '地方领导', '当地领导', '党委', '政府', '沟通', '会见', '会谈', '拜会', '市领导', '县领导', '区领导', '领导交流', '书记', 'authorit'],
  },
  { type: 'experience-summary', tier: 3, words: ['总结', '提炼', '经验', '宣传典型', '典型', '推广'] },
  { type: 'self-chosen', tier: 3, words: ['自选动作', '自选'] },
];

// Longer words that hold a keyword without meaning it (支部会员 is not 支部会, 工作报告 not 作报告):
// blanked out before the keywords are looked for.
const NOT_KEYWORDS = /支部会员(?!大会)|工作报告|述职报告/gu;

/** Exact names: the codes themselves and the labels (Chinese and English) of every type. */
const EXACT = new Map<string, TypeCode>();
for (const code of TYPE_CODES) {
  EXACT.set(code, code);
  EXACT.set(code.replace(/-/g, ''), code);
  EXACT.set(normalizeText(TYPE_LABELS[code].zh), code);
  EXACT.set(normalizeText(TYPE_LABELS[code].en), code);
}
for (const [word, code] of [['其它', 'other'], ['其他活动', 'other'], ['座谈会', 'symposium'], ['授课', 'lecture']] as const) {
  EXACT.set(word, code);
}

export interface Classification {
  type: TypeCode;
  recognised: boolean;
}

const UNRECOGNISED: Classification = { type: 'other', recognised: false };
const cache = new Map<string, Classification>();

function classify(key: string): Classification {
  const exact = EXACT.get(key) ?? EXACT.get(key.replace(/[\s\-_]/g, ''));
  if (exact) return { type: exact, recognised: true };
  const text = key.replace(NOT_KEYWORDS, (w) => '_'.repeat(w.length));
  let best: { tier: number; at: number; type: TypeCode } | null = null;
  for (const rule of RULES) {
    if (best && rule.tier > best.tier) break;
    for (const word of rule.words) {
      const at = text.indexOf(word);
      if (at >= 0 && (!best || rule.tier < best.tier || at < best.at)) best = { tier: rule.tier, at, type: rule.type };
    }
  }
  return best ? { type: best.type, recognised: true } : UNRECOGNISED;
}

/** The type code a free text (or a type code, or a label) names; `{ type: 'other', recognised:
 *  false }` when nothing is recognised. */
export function classifyActivity(text: string): Classification {
  if (typeof text !== 'string') return UNRECOGNISED;
  return remember(cache, text, () => classify(normalizeText(text)));
}
