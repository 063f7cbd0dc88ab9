// The pace rule: how late in the campaign a still-missing required activity becomes a worry.
// Kept as data so the office can read (and we can print) exactly what the report applies.
import type { PaceRule } from './types';

/** Strictest first. Shares of the period's months: 6 of 12 is the end of June, 9 of 12 of September. */
export const PACE_RULES: readonly PaceRule[] = [
  { level: 'behind', label: '滞后', labelEn: 'behind schedule', minElapsed: 0.75, milestone: '第三季度末' },
  { level: 'attention', label: '需关注', labelEn: 'needs attention', minElapsed: 0.5, milestone: '活动期间过半' },
];

/** The strictest rule in force once `elapsed` of the period is over, or null early in the year. */
export function paceRuleInForce(elapsed: number, rules: readonly PaceRule[] = PACE_RULES): PaceRule | null {
  let best: PaceRule | null = null;
  for (const rule of rules) {
    if (elapsed + 1e-9 >= rule.minElapsed && (best === null || rule.minElapsed > best.minElapsed)) best = rule;
  }
  return best;
}

/** The rules from the earliest to apply to the last. */
export function rulesByOnset(rules: readonly PaceRule[]): PaceRule[] {
  return [...rules].sort((a, b) => a.minElapsed - b.minElapsed);
}

/** The months of a `monthsTotal`-month period that must be over before `rule` applies. */
export function onsetMonths(rule: PaceRule, monthsTotal: number): number {
  return Math.ceil(rule.minElapsed * monthsTotal - 1e-9);
}

/** 进度规则说明, generated from the rules themselves. */
export function explainPace(rules: readonly PaceRule[], monthsTotal: number): string {
  const parts = rulesByOnset(rules).map(
    (r) => `活动期间${monthsTotal}个月中已过${onsetMonths(r, monthsTotal)}个月（${r.milestone}）仍未完成的规定动作，列为“${r.label}”`,
  );
  return `进度判定：${parts.join('；')}。`;
}
