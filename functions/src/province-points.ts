// A province key writes its own province's data only, and records name points: a record of a
// point that is neither the province's own nor one it coordinates must not count towards another
// province's point. (Domain rule; it belongs in shared/validate — reported to the lead.)
import type { Campaign, ColumnMap, Issue, TrackerRecord } from '../../shared';

/** The points whose activities the province may report. */
export function reportablePointIds(campaign: Campaign, provinceId: string): Set<string> {
  return new Set(
    campaign.points.filter((p) => p.provinceId === provinceId || p.coordinatingProvinceIds?.includes(provinceId)).map((p) => p.id),
  );
}

/** An error issue for each record naming a point of another province (so it is stored, shown and not counted). */
export function foreignPointIssues(records: TrackerRecord[], campaign: Campaign, provinceId: string, columns: ColumnMap): Issue[] {
  const mine = reportablePointIds(campaign, provinceId);
  const byId = new Map(campaign.points.map((p) => [p.id, p]));
  const provinceName = (id: string) => campaign.provinces.find((p) => p.id === id)?.name ?? id;
  const issues: Issue[] = [];
  for (const r of records) {
    const point = r.liaisonPointId === null ? undefined : byId.get(r.liaisonPointId);
    if (!point || mine.has(point.id)) continue;
    const letter = columns.liaisonPoint;
    const cell = letter ? `${letter}${r.row}` : null;
    const where = `第${r.row}行${cell ? ` ${cell}` : ''}`;
    issues.push({
      row: r.row,
      cell,
      field: 'liaisonPoint',
      severity: 'error',
      code: 'point-unknown',
      message: `${where}：联系点「${point.name}」属于${provinceName(point.provinceId)}，不属于${provinceName(provinceId)}，不能由本省报送。`,
      messageEn: `Row ${r.row}${cell ? `, ${cell}` : ''}: point "${point.id}" belongs to "${point.provinceId}", not "${provinceId}"; this province cannot report it.`,
    });
  }
  return issues;
}
