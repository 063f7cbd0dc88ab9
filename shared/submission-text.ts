// The words of a submission preview, the same in the task pane and the CLI:
// 「本次 N 条（新增 a 条，删除 b 条，修改 c 条）；上次报送 M 条」 and a line per listed record.
import type { ReplacedSnapshot, SnapshotDiffView } from './api';
import { monthLabel } from './calendar';
import { TYPE_LABELS } from './labels';
import type { Campaign, TrackerRecord } from './types';

export function previewSummary(diff: SnapshotDiffView, replaces: ReplacedSnapshot | null): { zh: string; en: string } {
  const counts = `新增 ${diff.addedCount} 条，删除 ${diff.removedCount} 条，修改 ${diff.changedCount} 条`;
  const countsEn = `${diff.addedCount} added, ${diff.removedCount} removed, ${diff.changedCount} changed`;
  const last = replaces
    ? `上次报送 ${replaces.recordCount} 条（${monthLabel(replaces.month)}第 ${replaces.version} 版）`
    : '此前未报送';
  const lastEn = replaces ? `last submitted ${replaces.recordCount} (${replaces.month} version ${replaces.version})` : 'nothing submitted before';
  return {
    zh: `本次 ${diff.nextCount} 条（${counts}）；${last}`,
    en: `This time ${diff.nextCount} records (${countsEn}); ${lastEn}`,
  };
}

/** 第4行 2017-05-20 看望老同志 毕节 「看望老会员」 */
export function recordLine(r: TrackerRecord, campaign: Campaign): string {
  const point = campaign.points.find((p) => p.id === r.liaisonPointId)?.name ?? r.liaisonPointText ?? '';
  const type = r.type ? TYPE_LABELS[r.type].zh : (r.typeText ?? '');
  const where = `${r.sheet ? `「${r.sheet}」` : ''}第${r.row}行`;
  return [where, r.date ?? r.dateText ?? '', type, point, r.title ? `「${r.title}」` : ''].filter((s) => s !== '').join(' ');
}
