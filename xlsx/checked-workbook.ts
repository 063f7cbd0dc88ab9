// The `--out` copy of a checked workbook: the original, problem cells annotated on the tracker
// sheet (on each of them, for a tracker kept a sheet per month), and the 完成情况 status sheet.
// Always an .xlsx: an input of another format is rebuilt as one (open-for-writing.ts).
import { annotationsBySheet, statusSheet, type Campaign, type CheckReport, type IsoDate } from '../shared';
import { applyAnnotations } from './annotate';
import { openForWriting } from './open-for-writing';
import { renderSheetModel } from './render-sheet';
import { compactValidations } from './validations';

export async function writeCheckedWorkbook(
  data: ArrayBuffer | Uint8Array,
  report: CheckReport,
  campaign: Campaign,
  asOf: IsoDate,
): Promise<Uint8Array> {
  const { workbook } = await openForWriting(data, { file: report.file });
  for (const { sheet, annotations } of annotationsBySheet(report)) applyAnnotations(workbook, sheet, annotations);
  renderSheetModel(workbook, statusSheet(report.completeness, campaign, asOf));
  workbook.worksheets.forEach(compactValidations);
  const written = await workbook.xlsx.writeBuffer();
  return new Uint8Array(written);
}
