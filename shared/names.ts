// One name per province and point, everywhere: a point's name names its province the way the campaign
// names the province (民进宁夏自治区吴忠市委员会 → 民进宁夏回族自治区吴忠市委员会, beside 宁夏回族自治区).
// Applied once, where a campaign is made or read, so every screen, sheet and report shows the same name;
// the old form still matches (match.ts reads every form of a province's name).
import { PROVINCE_NAME_FORMS } from './regions';

/** The point's name with the province written as `provinceName` when it begins with another form of it. */
export function pointDisplayName(pointName: string, provinceName: string): string {
  const province = PROVINCE_NAME_FORMS.find(([form]) => form === provinceName)?.[1];
  if (!province) return pointName;
  // Longest form first: 宁夏回族自治区 before 宁夏自治区 before 宁夏.
  for (const [form, info] of PROVINCE_NAME_FORMS) {
    // Only a province-level form (宁夏自治区, 贵州省): a bare 吉林 or 吉林市 may be the city of the same name.
    if (info.id !== province.id || form === info.short || form.endsWith('市')) continue;
    const at = pointName.indexOf(form);
    // Right after 民进 (or at the start), where an organisation's name puts its province.
    if (at >= 0 && at <= 2) {
      if (form === provinceName) return pointName;
      return pointName.slice(0, at) + provinceName + pointName.slice(at + form.length);
    }
  }
  return pointName;
}
