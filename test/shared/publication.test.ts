// Issue 13, item 7: publication read from any text that says it, in either script; the warning says where
// to write it when the tracker has no 刊发情况 column; a content column serves as the theme.
import { DEFAULT_CAMPAIGN, publicationOf, readTracker, saysPublished, validateRecords } from '../../shared';
import { buildMonthlyReport } from '../../shared/report';

describe('saysPublished', () => {
  test.each([
    ['已在會刊刊發', true],
    ['已在会刊刊发', true],
    ['授课内容已刊登于《民进贵州》', true],
    ['已在省委网站发表', true],
    ['公众号已推送报道', true],
    ['尚未刊发', false],
    ['拟在会刊刊发', false],
    ['待刊登', false],
    ['张三主讲', false],
    ['', false],
  ])('%s → %s', (text, expected) => {
    expect(saysPublished(text)).toBe(expected);
  });

  test('the 刊发情况 cell wins; otherwise 备注, then 简况, then 主题', () => {
    const base = { publication: null, remarks: null, summary: null, title: null };
    expect(publicationOf({ ...base, publication: '无', remarks: '已在会刊刊发' })).toBe('无');
    expect(publicationOf({ ...base, remarks: '已在會刊刊發', summary: '刊登于网站' })).toBe('已在會刊刊發');
    expect(publicationOf({ ...base, remarks: '张三主讲', summary: '讲稿刊登于网站' })).toBe('讲稿刊登于网站');
    expect(publicationOf({ ...base, remarks: '尚未刊发' })).toBeNull();
  });
});

// A traditional tracker without 刊发情况 or 主题 columns: 備註 and 內容 carry both.
const grid = [
  ['聯繫點', '活動日期', '活動類型', '參加領導', '內容', '備註'],
  ['畢節', '2017-03-15', '專題講座', '張三', '不忘合作初心，繼續攜手前進', '已在會刊刊發'],
  ['畢節', '2017-04-15', '專題講座', '張三', '不忘合作初心', ''],
];

describe('validation without 刊发情况 and 主题 columns', () => {
  const read = readTracker(grid, DEFAULT_CAMPAIGN, { sheet: '台賬' })!;
  const issues = validateRecords(read.records, DEFAULT_CAMPAIGN, read.columns);

  test('a lecture whose 備註 says 已在會刊刊發 is published; one that says nothing is warned, at the remarks cell, saying where to write it', () => {
    const publication = issues.filter((i) => i.code === 'lecture-publication-missing');
    expect(publication.map((i) => i.row)).toEqual([3]);
    expect(publication[0].cell).toBe('F3');
    expect(publication[0].message).toContain('请在备注中写明');
    expect(publication[0].message).toContain('添加“刊发情况”列');
  });

  test('the 內容 column serves as the theme: no 缺少活动主题', () => {
    expect(issues.filter((i) => i.code === 'title-missing')).toEqual([]);
  });

  test('with a 刊发情况 column, an empty one keeps the usual warning on that cell', () => {
    const withColumn = [['联系点', '活动日期', '活动类型', '参加领导', '活动主题', '刊发情况'], ['毕节', '2017-03-15', '专题讲座', '张三', '讲座', '']];
    const r = readTracker(withColumn, DEFAULT_CAMPAIGN, { sheet: '台账' })!;
    const found = validateRecords(r.records, DEFAULT_CAMPAIGN, r.columns).filter((i) => i.code === 'lecture-publication-missing');
    expect(found.map((i) => [i.cell, i.problem])).toEqual([['F2', '专题讲座未填写刊发情况（授课主要内容应在会内媒体刊发）。']]);
  });

  test('the monthly report counts the lecture published through its 備註', () => {
    const records = read.records.map((r) => ({ ...r, provinceId: 'guizhou', submissionId: 's1', issues: [] }));
    const report = buildMonthlyReport(
      { campaignId: DEFAULT_CAMPAIGN.id, month: '2017-05', asOf: '2017-05-31', points: [], provinces: [], records, countsByType: {} },
      DEFAULT_CAMPAIGN,
    );
    expect(report.lectures).toEqual({ held: 2, published: 1 });
  });
});
