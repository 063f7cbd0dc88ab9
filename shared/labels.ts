// Display labels of fields and activity types, and the standard template's columns.
import { FIELD_KEYS, type FieldKey, type NotCountedReason, type Severity, type TypeCode } from './types';

export interface Label {
  zh: string;
  en: string;
}

/** Field labels; `zh` is also the standard template's column header. */
export const FIELD_LABELS: Record<FieldKey, Label> = {
  liaisonPoint: { zh: '联系点', en: 'Liaison point' },
  date: { zh: '活动日期', en: 'Date' },
  type: { zh: '活动类型', en: 'Activity type' },
  leader: { zh: '参加领导', en: 'Leader' },
  title: { zh: '活动主题', en: 'Title / theme' },
  participants: { zh: '参加人数', en: 'Participants' },
  summary: { zh: '活动简况', en: 'Summary' },
  publication: { zh: '刊发情况', en: 'Publication' },
  materials: { zh: '佐证材料', en: 'Materials' },
  filledBy: { zh: '填报人', en: 'Filled in by' },
  remarks: { zh: '备注', en: 'Remarks' },
};

/** Type labels; `zh` is what the template's dropdown offers (the classifier recognises each). */
export const TYPE_LABELS: Record<TypeCode, Label> = {
  lecture: { zh: '专题讲座', en: 'Thematic lecture' },
  symposium: { zh: '座谈交流', en: 'Symposium' },
  'branch-meeting': { zh: '支部生活会', en: 'Branch meeting' },
  'veteran-visit': { zh: '看望老同志', en: 'Visit to veteran members' },
  'grassroots-visit': { zh: '走访基层组织', en: 'Grassroots visit' },
  'authority-liaison': { zh: '与有关部门沟通交流', en: 'Liaison with local authorities' },
  'experience-summary': { zh: '总结提炼经验', en: 'Experience summary' },
  'self-chosen': { zh: '自选动作', en: 'Self-chosen activity' },
  other: { zh: '其他', en: 'Other' },
};

/** The standard tracker's column order (headers: FIELD_LABELS[field].zh): the fields in contract order. */
export const TEMPLATE_COLUMNS: FieldKey[] = [...FIELD_KEYS];

/** Severity labels, as check results and reports name them. */
export const SEVERITY_LABELS: Record<Severity, Label> = {
  error: { zh: '错误', en: 'Error' },
  warning: { zh: '警告', en: 'Warning' },
};

/** Why a listed activity does not count, as the check, the status sheet and the report name it. */
export const NOT_COUNTED_LABELS: Record<NotCountedReason, Label> = {
  cancelled: { zh: '已取消', en: 'cancelled' },
  postponed: { zh: '已延期', en: 'postponed' },
  planned: { zh: '计划中', en: 'planned' },
  duplicate: { zh: '重复登记', en: 'entered twice' },
};

/** 「已取消 1 项、计划中 2 项」 for a point's not-counted tally; '' when there is none. */
export function notCountedText(tally: Partial<Record<NotCountedReason, number>> | undefined): string {
  if (!tally) return '';
  return (Object.keys(NOT_COUNTED_LABELS) as NotCountedReason[])
    .filter((reason) => (tally[reason] ?? 0) > 0)
    .map((reason) => `${NOT_COUNTED_LABELS[reason].zh} ${tally[reason]} 项`)
    .join('、');
}
