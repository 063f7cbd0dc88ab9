// Trackers laid out the way provinces keep them, written as real .xlsx files and checked through
// the same path as the CLI.
import { DEFAULT_CAMPAIGN, type CheckReport, type TypeCode } from '../../shared';
import { checkWorkbook } from '../../xlsx';
import { day, xlsxOf, type SheetSpec } from './workbooks';

/** Excel's serial number (1900 system) of an ISO date. */
function serial(iso: string): number {
  return Math.round((Date.parse(`${iso}T00:00:00Z`) - Date.UTC(1899, 11, 30)) / 86_400_000);
}

interface Expected {
  row: number;
  point: string | null;
  date: string | null;
  type: TypeCode | null;
}

interface Case {
  label: string;
  sheets: SheetSpec[];
  sheet: string;
  headerRow: number;
  records: Expected[];
  errors: { row: number; code: string }[];
  completeness: Record<string, string[]>;
}

const CASES: Case[] = [
  {
    // A point (and a date) written once in a cell merged over several activity rows.
    label: 'point and date cells merged over several rows',
    sheet: '台账',
    headerRow: 2,
    sheets: [
      {
        name: '台账',
        merges: ['A1:F1', 'A3:A5', 'B4:B5'],
        rows: [
          ['东莞联系点台账'],
          ['联系点', '日期', '类型', '领导', '主题', '刊发情况'],
          ['东莞', '2017-03-01', '专题讲座', '甲', '讲座', '已刊发'],
          [null, '2017-03-02', '座谈会', '甲', '座谈', null],
          [null, null, '看望老同志', '甲', '看望', null],
          ['三亚', '2017-04-01', '看望老同志', '乙', '看望', null],
        ],
      },
    ],
    records: [
      { row: 3, point: 'guangdong-dongguan', date: '2017-03-01', type: 'lecture' },
      { row: 4, point: 'guangdong-dongguan', date: '2017-03-02', type: 'symposium' },
      { row: 5, point: 'guangdong-dongguan', date: '2017-03-02', type: 'veteran-visit' },
      { row: 6, point: 'hainan-sanya', date: '2017-04-01', type: 'veteran-visit' },
    ],
    errors: [],
    completeness: {
      'guangdong-dongguan': [],
      'hainan-sanya': ['lecture', 'symposium-or-branch-meeting'],
    },
  },
  {
    label: 'title and merged rows above the header, own header words, mixed dates, totals and notes',
    sheet: '2017年台账',
    headerRow: 3,
    sheets: [
      {
        name: '2017年台账',
        merges: ['A1:H1', 'A2:H2'],
        numFmts: { C4: 'yyyy"年"m"月"d"日"' },
        rows: [
          ['民进北京市委员会联系点工作台账（2017年）'],
          ['填报单位：民进北京市委员会办公室　　填报时间：2017年7月5日'],
          ['序号', '联系点', '活动时间', '活动形式', '参加领导', '活动主题', '参加人数', '刊发情况'],
          [1, '海淀区', day('2017-03-15'), '举办专题讲座', '张三', '不忘合作初心，继续携手前进', '80人', '《北京民进》2017年第4期'],
          [2, '海淀', serial('2017-04-20'), '召开座谈会', '张三', '座谈交流', 30, null],
          [],
          [3, '民进海淀区委', '2017年5月6日', '看望慰问老同志、老会员', '张三', '看望老会员', '12', null],
          [4, '毕节', '2017.6.1', '专题讲座', '李四', '专题讲座', '约60人', '未刊发'],
          [5, '毕节', '2016年12月3日', '召开座谈会', '李四', '座谈', 20, null],
          [6, '火星市', '2017-07-01', '走访基层组织', '李四', '走访', 10, null],
          ['合计', '6次', null, null, null, null, 212, null],
          ['填表说明：日期按活动当天填写。'],
        ],
      },
    ],
    records: [
      { row: 4, point: 'beijing-haidian', date: '2017-03-15', type: 'lecture' },
      { row: 5, point: 'beijing-haidian', date: '2017-04-20', type: 'symposium' },
      { row: 7, point: 'beijing-haidian', date: '2017-05-06', type: 'veteran-visit' },
      { row: 8, point: 'guizhou-bijie', date: '2017-06-01', type: 'lecture' },
      { row: 9, point: 'guizhou-bijie', date: '2016-12-03', type: 'symposium' },
      { row: 10, point: null, date: '2017-07-01', type: 'grassroots-visit' },
    ],
    errors: [
      { row: 9, code: 'date-out-of-period' },
      { row: 10, code: 'point-unknown' },
    ],
    completeness: {
      'beijing-haidian': [],
      'guizhou-bijie': ['symposium-or-branch-meeting', 'veteran-visit'],
    },
  },
  {
    label: 'traditional headers and names, a blank column, text dates with 3月15日',
    sheet: '臺賬',
    headerRow: 2,
    sheets: [
      {
        name: '臺賬',
        rows: [
          ['聯繫點工作臺賬'],
          ['聯繫點', null, '活動日期', '活動類別', '參加領導', '主題'],
          ['民進上海市靜安區委員會', null, '3月15日', '舉辦專題講座', '王五', '專題講座'],
          ['靜安', null, '2017/4/2', '參加支部生活會', '王五', '支部生活會'],
          ['静安区', null, '2017年5月8日', '看望老同志', '王五', '看望'],
        ],
      },
    ],
    records: [
      { row: 3, point: 'shanghai-jingan', date: '2017-03-15', type: 'lecture' },
      { row: 4, point: 'shanghai-jingan', date: '2017-04-02', type: 'branch-meeting' },
      { row: 5, point: 'shanghai-jingan', date: '2017-05-08', type: 'veteran-visit' },
    ],
    errors: [],
    completeness: { 'shanghai-jingan': [] },
  },
  {
    label: 'two sheets, the tracker on the second, after a sheet of notes',
    sheet: '活动记录',
    headerRow: 1,
    sheets: [
      { name: '说明', rows: [['本表记录联系点活动'], ['请按月报送']] },
      {
        name: '活动记录',
        numFmts: { B2: 'yyyy-mm-dd' },
        rows: [
          ['单位', '日期', '类型', '领导', '标题'],
          ['民进贵州省毕节市工委', day('2017-02-10'), '看望慰问老会员', '赵六', '春节慰问'],
          ['毕节市工委', '2017-03-01', '调研', '赵六', '调研座谈'],
          ['畢節', '2017-03-02', '植树活动', '赵六', '植树'],
        ],
      },
    ],
    records: [
      { row: 2, point: 'guizhou-bijie', date: '2017-02-10', type: 'veteran-visit' },
      { row: 3, point: 'guizhou-bijie', date: '2017-03-01', type: 'symposium' },
      { row: 4, point: 'guizhou-bijie', date: '2017-03-02', type: 'other' },
    ],
    errors: [],
    completeness: { 'guizhou-bijie': ['lecture'] },
  },
];

function errorsOf(report: CheckReport): { row: number; code: string }[] {
  return report.issues.filter((i) => i.severity === 'error').map((i) => ({ row: i.row, code: i.code }));
}

describe.each(CASES)('$label', (c) => {
  let report: CheckReport;
  beforeAll(async () => {
    report = await checkWorkbook(await xlsxOf(c.sheets), DEFAULT_CAMPAIGN, { file: 'messy.xlsx', asOf: '2017-12-31' });
  });

  it('finds the tracker sheet and its header row', () => {
    expect(report.sheet).toBe(c.sheet);
    expect(report.headerRow).toBe(c.headerRow);
  });

  it('reads every data row and nothing else', () => {
    expect(report.records.map((r) => ({ row: r.row, point: r.liaisonPointId, date: r.date, type: r.type }))).toEqual(c.records);
  });

  it('reports exactly the expected errors, each at a cell', () => {
    expect(errorsOf(report)).toEqual(expect.arrayContaining(c.errors));
    expect(errorsOf(report)).toHaveLength(c.errors.length);
    for (const issue of report.issues) expect(issue.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('computes completeness per point', () => {
    const missing = Object.fromEntries(report.completeness.map((p) => [p.liaisonPointId, p.missing]));
    expect(missing).toEqual(c.completeness);
  });
});

describe('unusable workbooks', () => {
  it('says so when no sheet holds a tracker', async () => {
    const data = await xlsxOf([{ name: '预算', rows: [['项目', '金额'], ['办公', 100]] }]);
    await expect(checkWorkbook(data, DEFAULT_CAMPAIGN, { file: 'x.xlsx' })).rejects.toMatchObject({ code: 'no-tracker' });
  });

  it('says so when the named sheet does not exist, naming those that do', async () => {
    const data = await xlsxOf([{ name: '台账', rows: [['联系点', '活动日期', '活动类型']] }]);
    const error = await checkWorkbook(data, DEFAULT_CAMPAIGN, { file: 'x.xlsx', sheet: '二月' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'sheet-not-found' });
    expect((error as Error).message).toContain('「台账」');
  });
});
