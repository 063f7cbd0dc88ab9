// Checking records: each problem with its row, cell, field, severity, stable code and a Chinese
// message that quotes what was written.
import { reportablePointIds } from './campaign';
import { classifyActivity } from './classify';
import { cellAddress } from './columns';
import { publicationOf } from './publication';
import type { Campaign, ColumnMap, FieldKey, Issue, IssueCode, Severity, TrackerLayout, TrackerPart, TrackerRecord } from './types';

interface IssueText {
  severity: Severity;
  field: FieldKey;
  zh: string;
  en: string;
}

function texts(campaign: Campaign, provinceId: string | undefined, columns: ColumnMap): Record<IssueCode, IssueText> {
  const { start, end } = campaign.period;
  const province = campaign.provinces.find((p) => p.id === provinceId)?.name ?? provinceId ?? '';
  return {
    'date-missing': { severity: 'error', field: 'date', zh: '缺少活动日期。', en: 'the activity date is missing.' },
    'date-unreadable': {
      severity: 'error',
      field: 'date',
      zh: '无法识别活动日期，请写成 2017-03-15 或 2017年3月15日 的形式。',
      en: 'the activity date cannot be read; write it like 2017-03-15.',
    },
    'date-out-of-period': {
      severity: 'error',
      field: 'date',
      zh: `活动日期不在活动期间（${start} 至 ${end}）内。`,
      en: `the activity date is outside the campaign period (${start} to ${end}).`,
    },
    'point-missing': { severity: 'error', field: 'liaisonPoint', zh: '缺少联系点。', en: 'the liaison point is missing.' },
    'point-unknown': {
      severity: 'error',
      field: 'liaisonPoint',
      zh: '联系点不在本批联系点名单中，请写联系点全称或简称（如 海淀区）。',
      en: "the liaison point is not in this campaign's list; write its full or short name.",
    },
    'point-other-province': {
      severity: 'error',
      field: 'liaisonPoint',
      zh: `该联系点既不属于${province}，也不由${province}协调，不能计入${province}的报送。`,
      en: `the liaison point is neither ${provinceId}'s nor coordinated by it, so ${provinceId} cannot report it.`,
    },
    'type-missing': { severity: 'error', field: 'type', zh: '缺少活动类型。', en: 'the activity type is missing.' },
    'type-unrecognised': {
      severity: 'warning',
      field: 'type',
      zh: '无法识别活动类型，已按“其他”统计；如属专题讲座、座谈交流、支部生活会、看望老同志等，请改写。',
      en: 'the activity type is not recognised and counts as "other"; rewrite it if it is a lecture, symposium, branch meeting, veteran visit etc.',
    },
    // Without a 刊发情况 column the warning says where to write it instead.
    'lecture-publication-missing': columns.publication
      ? {
          severity: 'warning',
          field: 'publication',
          zh: '专题讲座未填写刊发情况（授课主要内容应在会内媒体刊发）。',
          en: 'the lecture has no publication information (its content is to be published in our media).',
        }
      : {
          severity: 'warning',
          field: columns.remarks ? 'remarks' : 'publication',
          zh: '专题讲座未写明刊发情况（授课主要内容应在会内媒体刊发）：台账没有“刊发情况”列，请在备注中写明（如“已在会刊刊发”），或添加“刊发情况”列。',
          en: 'the lecture has no publication information: the tracker has no publication column; write it in the remarks (e.g. "published in the bulletin") or add a publication column.',
        },
    'leader-missing': { severity: 'warning', field: 'leader', zh: '缺少参加领导。', en: 'the leader who took part is missing.' },
    'title-missing': { severity: 'warning', field: 'title', zh: '缺少活动主题。', en: 'the title / theme is missing.' },
    'participants-invalid': {
      severity: 'warning',
      field: 'participants',
      zh: '参加人数不是有效的人数（应填写如 80 或 80人）。',
      en: 'the participant count is not a valid number (write e.g. 80).',
    },
    'read-from-text': {
      severity: 'warning',
      field: 'summary',
      zh: '台账没有“活动日期”“活动类型”等表头，日期、类型、领导和主题是从每行的文字中读出的，请逐条核对。',
      en: 'the tracker has no date or type columns: date, type, leader and theme were read from the text of each row; check each one.',
    },
    'read-as-matrix': {
      severity: 'warning',
      field: 'summary',
      zh: '台账是按月份排列的推进表，每个填写的单元格读作一项活动（写明计划、拟开展的不计入），请逐条核对。',
      en: 'the tracker is a progress matrix by month: each filled cell was read as one activity (plans are not counted); check each one.',
    },
  };
}

/** Checks every record. Errors: date-missing, date-unreadable, date-out-of-period, point-missing,
 *  point-unknown, type-missing, and — when the records are a province's submission (`provinceId`) —
 *  point-other-province. Warnings: type-unrecognised, lecture-publication-missing, leader-missing,
 *  title-missing, participants-invalid, and — once, on the first record, for a tracker read from
 *  its sentences or as a progress matrix (`layout`) — read-from-text / read-as-matrix. `cell` is the field's column on the row — on the record's
 *  sheet, with that sheet's columns from `parts` when given; the issue carries the record's sheet. */
export function validateRecords(
  records: TrackerRecord[],
  campaign: Campaign,
  columns: ColumnMap,
  opts: { provinceId?: string; parts?: TrackerPart[]; layout?: TrackerLayout } = {},
): Issue[] {
  // A tracker kept a sheet per month has each sheet's own column letters (`parts`).
  const sheetColumns = new Map((opts.parts ?? []).map((p) => [p.sheet, p.columns]));
  const catalogue = texts(campaign, opts.provinceId, columns);
  const reportable = opts.provinceId === undefined ? null : reportablePointIds(campaign, opts.provinceId);
  const nameOf = new Map(campaign.points.map((p) => [p.id, p.name]));
  const { start, end } = campaign.period;
  const pointIds = new Set(campaign.points.map((p) => p.id));
  const issues: Issue[] = [];
  const add = (record: TrackerRecord, code: IssueCode, quoted?: string | null): void => {
    const t = catalogue[code];
    // A record read from one cell (a progress matrix) has every field there.
    const letter = record.column ?? ((record.sheet !== undefined && sheetColumns.get(record.sheet)) || columns)[t.field];
    const cell = typeof letter === 'string' && letter !== '' ? cellAddress(record.row, letter) : null;
    // With several sheets a row number alone does not say where.
    const onSheet = record.sheet === undefined ? '' : `工作表「${record.sheet}」`;
    const onSheetEn = record.sheet === undefined ? '' : `Sheet "${record.sheet}", `;
    const where = `${onSheet}第${record.row}行${cell ? ` ${cell}` : ''}${quoted ? `「${quoted}」` : ''}`;
    const whereEn = `${onSheetEn}${onSheetEn ? 'row' : 'Row'} ${record.row}${cell ? `, ${cell}` : ''}${quoted ? ` "${quoted}"` : ''}`;
    issues.push({
      ...(record.sheet === undefined ? {} : { sheet: record.sheet }),
      row: record.row,
      cell,
      field: t.field,
      severity: t.severity,
      code,
      message: `${where}：${t.zh}`,
      messageEn: `${whereEn}: ${t.en}`,
      problem: t.zh,
      problemEn: t.en.charAt(0).toUpperCase() + t.en.slice(1),
    });
  };
  if (opts.layout !== undefined && records.length > 0) add(records[0], opts.layout === 'narrative' ? 'read-from-text' : 'read-as-matrix');
  for (const r of records) {
    if (r.date === null) {
      if (r.dateText) add(r, 'date-unreadable', r.dateText);
      else add(r, 'date-missing');
    } else if (r.date < start || r.date > end) {
      add(r, 'date-out-of-period', r.dateText ?? r.date);
    }
    if (r.liaisonPointId === null) {
      if (r.liaisonPointText) add(r, 'point-unknown', r.liaisonPointText);
      else add(r, 'point-missing');
    } else if (!pointIds.has(r.liaisonPointId)) {
      // Records can arrive as JSON, not only from our reader: an id must be one of this campaign's.
      add(r, 'point-unknown', r.liaisonPointText ?? r.liaisonPointId);
    } else if (reportable && !reportable.has(r.liaisonPointId)) {
      add(r, 'point-other-province', r.liaisonPointText ?? nameOf.get(r.liaisonPointId));
    }
    if (r.type === null) add(r, 'type-missing', r.typeText);
    else if (r.type === 'other' && r.typeText && !classifyActivity(r.typeText).recognised) add(r, 'type-unrecognised', r.typeText);
    if (r.type === 'lecture' && !publicationOf(r)) add(r, 'lecture-publication-missing');
    if (!r.leader) add(r, 'leader-missing');
    // With no title column, the content column (内容, 活动内容, 简况) says what the activity was about.
    if (!r.title && !(columns.title === undefined && r.summary)) add(r, 'title-missing');
    const p = r.participants;
    if ((p === null && r.participantsText) || (p !== null && (!Number.isInteger(p) || p < 0))) {
      add(r, 'participants-invalid', r.participantsText ?? String(p));
    }
  }
  return issues;
}
