import { cellAnnotations, DEFAULT_CAMPAIGN, HIGHLIGHT, parseCampaign, STATUS_SHEET_NAME, statusSheet } from '../../shared';
import type { Issue, PointCompleteness } from '../../shared';

function issue(cell: string | null, severity: 'error' | 'warning', message: string): Issue {
  return { row: cell ? Number(cell.replace(/[A-Z]/g, '')) : 1, cell, field: 'date', severity, code: 'date-missing', message, messageEn: message };
}

describe('cellAnnotations', () => {
  test('one per cell, worst severity, every message, in sheet order', () => {
    const out = cellAnnotations([
      issue('C10', 'warning', 'w1'),
      issue('B2', 'warning', 'w2'),
      issue('C10', 'error', 'e1'),
      issue(null, 'error', 'nowhere'),
      issue('AA2', 'error', 'e2'),
    ]);
    expect(out).toEqual([
      { cell: 'B2', severity: 'warning', note: 'w2' },
      { cell: 'AA2', severity: 'error', note: 'e2' },
      { cell: 'C10', severity: 'error', note: 'w1\ne1' },
    ]);
  });
  test('the highlight colours are Excel’s bad/neutral styles', () => {
    expect(HIGHLIGHT.error).toEqual({ fill: '#FFC7CE', font: '#9C0006' });
    expect(HIGHLIGHT.warning).toEqual({ fill: '#FFEB9C', font: '#9C5700' });
  });
});

describe('statusSheet', () => {
  const campaign = parseCampaign({ ...DEFAULT_CAMPAIGN, points: DEFAULT_CAMPAIGN.points.map((p) => (p.id === 'hainan-sanya' ? { ...p, leader: '王五' } : p)) });
  const done: PointCompleteness = {
    liaisonPointId: 'hainan-sanya',
    name: '民进海南省三亚市委员会',
    provinceId: 'hainan',
    complete: false,
    missing: ['veteran-visit'],
    requirements: [
      { requirementId: 'lecture', done: true, rows: [2], count: 1, firstDate: '2017-03-15' },
      { requirementId: 'symposium-or-branch-meeting', done: true, rows: [3], count: 1, firstDate: '2017-04-01' },
      { requirementId: 'veteran-visit', done: false, rows: [], count: 0, firstDate: null },
    ],
    countsByType: { lecture: 1, symposium: 1, 'self-chosen': 2, other: 1 },
    lastActivityDate: '2017-04-01',
    notCounted: { planned: 2, cancelled: 1 },
  };
  const sheet = statusSheet([done], campaign, '2017-06-30');

  test('title, header and a row per point', () => {
    expect(sheet.name).toBe(STATUS_SHEET_NAME);
    expect(sheet.rows[0][0]).toContain('截至 2017-06-30');
    expect(sheet.rows[1]).toEqual(['序号', '联系点', '省份', '联系领导', '专题讲座', '座谈交流或支部生活会', '看望老同志', '自选动作数', '是否全部完成', '最近活动', '未计入活动']);
    // Activities listed but not held are named, so nobody takes them as done (issue 10).
    expect(sheet.rows[2]).toEqual([1, '民进海南省三亚市委员会', '海南省', '王五', '已完成（2017-03-15）', '已完成（2017-04-01）', '未完成', 3, '否', '2017-04-01', '已取消 1 项、计划中 2 项']);
    expect(sheet.headerRows).toEqual([2]);
    expect(sheet.merges).toEqual(['A1:K1']);
  });
  test('missing cells are highlighted by conditional formats over the data rows', () => {
    expect(sheet.conditionalFormats).toEqual([
      { range: 'E3:G3', equals: '未完成', style: HIGHLIGHT.error },
      { range: 'I3:I3', equals: '否', style: HIGHLIGHT.error },
    ]);
  });
  test('no points: no conditional formats over an empty range', () => {
    const empty = statusSheet([], campaign, '2017-06-30');
    expect(empty.rows).toHaveLength(2);
    expect(empty.conditionalFormats).toEqual([]);
  });
});
