// The 完成情况 status sheet: each liaison point × each requirement, done or missing.
import { requiredTypes } from './campaign';
import { columnLetter } from './columns';
import { HIGHLIGHT } from './highlight';
import { notCountedText } from './labels';
import type { ConditionalFormat, SheetModel } from './sheet-model';
import type { Campaign, CellValue, IsoDate, PointCompleteness, TypeCode } from './types';

export const STATUS_SHEET_NAME = '完成情况';
export const STATUS_DONE_PREFIX = '已完成';
export const STATUS_MISSING = '未完成';
export const STATUS_YES = '是';
export const STATUS_NO = '否';

/** Title row, header row, one row per point: 序号 | 联系点 | 省份 | 联系领导 | a column per requirement
 *  (已完成（first date） or 未完成) | 自选动作数 | 是否全部完成 | 最近活动 | 未计入活动 (listed activities
 *  cancelled, postponed, planned or entered twice, e.g. 已取消 1 项). Missing cells are styled by
 *  conditional formats, so the highlight stays true when people edit the sheet. */
export function statusSheet(completeness: PointCompleteness[], campaign: Campaign, asOf: IsoDate): SheetModel {
  const provinces = new Map(campaign.provinces.map((p) => [p.id, p.name]));
  const points = new Map(campaign.points.map((p) => [p.id, p]));
  const required = requiredTypes(campaign);
  const header = ['序号', '联系点', '省份', '联系领导', ...campaign.requirements.map((r) => r.name), '自选动作数', '是否全部完成', '最近活动', '未计入活动'];
  const width = header.length;
  const title = `${campaign.name}完成情况（截至 ${asOf}）`;
  const rows: CellValue[][] = [[title, ...Array<CellValue>(width - 1).fill(null)], header];
  completeness.forEach((pc, i) => {
    const point = points.get(pc.liaisonPointId);
    const cells = campaign.requirements.map((req) => {
      const status = pc.requirements.find((s) => s.requirementId === req.id);
      return status?.done ? `${STATUS_DONE_PREFIX}（${status.firstDate ?? ''}）` : STATUS_MISSING;
    });
    let optional = 0;
    for (const [type, n] of Object.entries(pc.countsByType) as [TypeCode, number | undefined][]) if (!required.has(type)) optional += n ?? 0;
    rows.push([
      i + 1,
      pc.name,
      provinces.get(pc.provinceId) ?? pc.provinceId,
      point?.leader ?? '',
      ...cells,
      optional,
      pc.complete ? STATUS_YES : STATUS_NO,
      pc.lastActivityDate ?? '',
      notCountedText(pc.notCounted),
    ]);
  });
  const firstData = 3;
  const lastData = rows.length;
  const firstReq = columnLetter(4);
  const lastReq = columnLetter(3 + campaign.requirements.length);
  const completeCol = columnLetter(header.indexOf('是否全部完成'));
  const conditionalFormats: ConditionalFormat[] =
    lastData >= firstData && campaign.requirements.length > 0
      ? [
          { range: `${firstReq}${firstData}:${lastReq}${lastData}`, equals: STATUS_MISSING, style: HIGHLIGHT.error },
          { range: `${completeCol}${firstData}:${completeCol}${lastData}`, equals: STATUS_NO, style: HIGHLIGHT.error },
        ]
      : [];
  return {
    name: STATUS_SHEET_NAME,
    rows,
    headerRows: [2],
    freezeRows: 2,
    columnWidths: [6, 30, 16, 12, ...campaign.requirements.map(() => 22), 10, 12, 12, 24],
    conditionalFormats,
    styles: { A1: { bold: true } },
    merges: [`A1:${columnLetter(width - 1)}1`],
  };
}
