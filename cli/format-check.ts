// The default (human) report of `check`, in Chinese.
import { FIELD_LABELS, notCountedText, SEVERITY_LABELS, type Campaign, type CheckReport, type ColumnMap, type FieldKey, type IsoDate, type Issue } from '../shared';

function columnsLine(columns: ColumnMap): string {
  const parts = (Object.entries(columns) as [FieldKey, string][])
    .sort((a, b) => a[1].length - b[1].length || a[1].localeCompare(b[1]))
    .map(([field, letter]) => `${FIELD_LABELS[field].zh} ${letter}`);
  return parts.join(' · ');
}

/** The columns recognised; for a tracker of several sheets, one line per distinct layout naming its sheets. */
function columnsLines(report: CheckReport): string[] {
  if (!report.parts) return [`识别的列：${columnsLine(report.columns)}`];
  const sheetsByLine = new Map<string, string[]>();
  for (const part of report.parts) {
    const line = columnsLine(part.columns);
    sheetsByLine.set(line, [...(sheetsByLine.get(line) ?? []), part.sheet]);
  }
  return [...sheetsByLine].map(([line, sheets]) => `识别的列（「${sheets.join('」「')}」）：${line}`);
}

function issuesByRow(issues: Issue[], indent = ''): string[] {
  const rows = new Map<number, Issue[]>();
  for (const issue of issues) rows.set(issue.row, [...(rows.get(issue.row) ?? []), issue]);
  const lines: string[] = [];
  for (const [row, list] of [...rows].sort((a, b) => a[0] - b[0])) {
    lines.push(`${indent}  第 ${row} 行`);
    for (const issue of list) {
      // The message already names the row and cell.
      lines.push(`${indent}    [${SEVERITY_LABELS[issue.severity].zh}] ${issue.message}`);
    }
  }
  return lines;
}

/** A tracker of several sheets: the problems under each sheet's name, in workbook order. */
function issuesBySheet(report: CheckReport, sheets: string[]): string[] {
  return sheets.flatMap((sheet) => {
    const list = report.issues.filter((i) => (i.sheet ?? report.sheet) === sheet);
    return list.length > 0 ? [`  工作表「${sheet}」`, ...issuesByRow(list, '  ')] : [];
  });
}

function completenessLines(report: CheckReport, campaign: Campaign): string[] {
  const requirementName = (id: string): string => campaign.requirements.find((r) => r.id === id)?.name ?? id;
  return report.completeness.map((point) => {
    const status = point.complete
      ? '规定动作已全部完成'
      : `尚缺：${point.missing.map(requirementName).join('、')}`;
    const last = point.lastActivityDate ? `（最近活动 ${point.lastActivityDate}）` : '';
    // Listed activities that did not happen, or were entered twice, are named so nobody takes them as done.
    const notCounted = notCountedText(point.notCounted);
    return `  ${point.complete ? '✓' : '✗'} ${point.name}  ${status}${last}${notCounted ? `；未计入：${notCounted}` : ''}`;
  });
}

export function formatCheckReport(report: CheckReport, campaign: Campaign, asOf: IsoDate): string {
  const errors = report.issues.filter((i) => i.severity === 'error').length;
  const warnings = report.issues.length - errors;
  const complete = report.completeness.filter((p) => p.complete).length;
  const sheets = report.parts?.map((p) => p.sheet);
  const where = sheets
    ? `工作表「${sheets.join('」「')}」（共 ${sheets.length} 张，合为一本台账）`
    : `工作表「${report.sheet}」 · 表头在第 ${report.headerRow} 行`;
  const lines = [
    `台账检查：${report.file} · ${where}`,
    ...columnsLines(report),
    `共 ${report.records.length} 条活动记录；错误 ${errors} 个，警告 ${warnings} 个。`,
    '',
  ];
  if (report.otherSheets) {
    lines.push(
      `注意：工作表「${report.otherSheets.join('」「')}」中也有活动记录，本次只检查了「${(sheets ?? [report.sheet]).join('」「')}」。` +
        '请用 --sheet 逐一检查，或把各表的记录合并到一张表后再报送。',
      `Note: sheets ${report.otherSheets.map((s) => `"${s}"`).join(', ')} hold activity records too; only ${(sheets ?? [report.sheet]).map((s) => `"${s}"`).join(', ')} ${sheets ? 'were' : 'was'} checked.`,
      '',
    );
  }
  if (report.issues.length > 0 && sheets) lines.push('问题（按工作表、按行）：', ...issuesBySheet(report, sheets), '');
  else if (report.issues.length > 0) lines.push('问题（按行）：', ...issuesByRow(report.issues), '');
  else lines.push('没有发现问题。', '');
  lines.push(`完成情况（截至 ${asOf}，${complete}/${report.completeness.length} 个联系点已完成全部规定动作）：`);
  if (report.completeness.length === 0) lines.push('  （没有可统计的联系点）');
  else lines.push(...completenessLines(report, campaign));
  lines.push('');
  if (errors > 0) lines.push('有错误的记录不计入完成情况；请修改后重新检查。', '');
  return lines.join('\n');
}
