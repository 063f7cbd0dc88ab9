// Tracker layouts that were read wrong (issue 10, part B): tables pasted from Word, sentence logs,
// 月/日 under a merged header, progress matrices. The cases, for the tests that write them as .xlsx
// files (exceljs's and LibreOffice's).
import type { ColumnMap, IssueCode, TrackerRecord, TypeCode } from '../../shared';
import type { SheetSpec } from './workbooks';

interface Expected {
  row: number;
  point: string | null;
  date: string | null;
  type: TypeCode | null;
  /** Other fields of the record, as read. */
  fields?: Partial<Pick<TrackerRecord, 'title' | 'leader' | 'participantsText' | 'summary' | 'column'>>;
}

export interface LayoutCase {
  label: string;
  file?: string;
  sheets: SheetSpec[];
  headerRow?: number;
  /** The mapping expected for some fields (undefined: not mapped). */
  columns?: Partial<Record<keyof ColumnMap, string | undefined>>;
  records: Expected[];
  /** Issue codes the check must report (and, for these, no others of the same code). */
  codes?: IssueCode[];
  /** Issue codes the check must not report. */
  notCodes?: IssueCode[];
  /** Where some issues must point (code and cell). */
  issueCells?: { code: IssueCode; cell: string | null }[];
}

const BIJIE = 'guizhou-bijie';
const WORD_HEADER = ['序号', '活动时间', '活动形式', '参加领导', '活动主题', '参加人员'];

export const LAYOUT_CASES: LayoutCase[] = [
  {
    // Word cells of two paragraphs became two rows, the record's other cells merged over both.
    label: 'Word paste: continuation rows under merged cells and plain second lines',
    headerRow: 2,
    sheets: [
      {
        name: 'Sheet1',
        merges: ['A1:F1', 'A3:F3', 'A4:A5', 'B4:B5', 'C4:C5', 'E4:E5', 'F4:F5', 'A7:F7'],
        rows: [
          ['民进毕节市工委联系点活动开展情况'],
          WORD_HEADER,
          ['一、规定动作'],
          [1, '2017年3月16日', '专题讲座', '罗副主席、', '学习贯彻全会精神', '市工委委员'],
          [null, null, null, '张秘书长', null, null],
          [2, '2017年4月18日', '座谈会', '罗副主席', '座谈交流', '基层党员'],
          ['二、自选动作'],
          [1, '2017年5月20日', '看望老同志', '罗副主席', '走访慰问', '老党员'],
          [null, null, null, null, '慰问困难党员', null],
          [2, '2017年6月1日', '专题讲座', '罗副主席', '形势报告', '全体会员'],
        ],
      },
    ],
    records: [
      { row: 4, point: BIJIE, date: '2017-03-16', type: 'lecture', fields: { leader: '罗副主席、\n张秘书长', title: '学习贯彻全会精神' } },
      { row: 6, point: BIJIE, date: '2017-04-18', type: 'symposium' },
      { row: 8, point: BIJIE, date: '2017-05-20', type: 'veteran-visit', fields: { title: '走访慰问\n慰问困难党员' } },
      { row: 10, point: BIJIE, date: '2017-06-01', type: 'lecture' },
    ],
  },
  {
    // The section row under the header once made a two-row header with 序号 as the type.
    label: 'Word paste: a section row right under a header without a type column is not part of the header',
    headerRow: 2,
    sheets: [
      {
        name: 'Sheet1',
        merges: ['A1:E1', 'A3:E3'],
        rows: [
          ['毕节市工委联系点台账'],
          ['序号', '时间', '内容', '参加领导', '参加人数'],
          ['一、规定动作'],
          [1, '2017-03-16', '专题讲座：学习贯彻全会精神', '罗副主席', 30],
          [2, '2017-04-18', '座谈会：座谈交流', '罗副主席', 20],
        ],
      },
    ],
    records: [
      { row: 4, point: BIJIE, date: '2017-03-16', type: 'lecture' },
      { row: 5, point: BIJIE, date: '2017-04-18', type: 'symposium' },
    ],
    notCodes: ['type-unrecognised'],
  },
  {
    // Whatever the column under it holds, a section row is never (half of) the header.
    label: 'a section row under a header with an unnamed first column is not part of the header',
    headerRow: 1,
    columns: { type: undefined, summary: 'C' },
    sheets: [
      {
        name: '毕节',
        merges: ['A2:D2'],
        rows: [
          [null, '时间', '内容', '参加领导'],
          ['一、规定动作'],
          ['毕节', '2017-03-16', '专题讲座：学习贯彻全会精神', '罗副主席'],
          ['毕节', '2017-04-18', '座谈会：座谈交流', '罗副主席'],
        ],
      },
    ],
    records: [
      { row: 3, point: BIJIE, date: '2017-03-16', type: 'lecture' },
      { row: 4, point: BIJIE, date: '2017-04-18', type: 'symposium' },
    ],
  },
  {
    // A column of serial numbers under a header word that names a type is never the type.
    label: 'a column of serial numbers is never the type',
    headerRow: 1,
    sheets: [
      {
        name: '毕节',
        rows: [
          ['类别', '活动日期', '活动主题', '参加领导'],
          [1, '2017-03-16', '专题讲座', '罗副主席'],
          [2, '2017-04-18', '座谈会', '罗副主席'],
          ['二、自选动作'],
          [1, '2017-05-20', '看望老同志', '罗副主席'],
        ],
      },
    ],
    columns: { type: undefined, title: 'C' },
    records: [
      { row: 2, point: BIJIE, date: '2017-03-16', type: 'lecture' },
      { row: 3, point: BIJIE, date: '2017-04-18', type: 'symposium' },
      { row: 5, point: BIJIE, date: '2017-05-20', type: 'veteran-visit' },
    ],
    notCodes: ['type-unrecognised'],
  },
  {
    // Two activities on one merged date are two records: each has a type of its own.
    label: 'rows under a merged date with types of their own stay records',
    headerRow: 1,
    sheets: [
      {
        name: '毕节',
        merges: ['A2:A3'],
        rows: [
          ['活动日期', '活动类型', '活动主题', '参加人员'],
          ['2017-03-16', '专题讲座', '讲座', '会员'],
          [null, '座谈会', '座谈', '会员'],
          ['2017-04-01', '专题讲座', '讲座二', '会员'],
        ],
      },
    ],
    records: [
      { row: 2, point: BIJIE, date: '2017-03-16', type: 'lecture' },
      { row: 3, point: BIJIE, date: '2017-03-16', type: 'symposium' },
      { row: 4, point: BIJIE, date: '2017-04-01', type: 'lecture' },
    ],
  },
  {
    // 活动时间 merged over 月 | 日; the other headers merged over both header rows.
    label: '月 and 日 columns under a merged 活动时间 header, the year in the title',
    headerRow: 3,
    sheets: [
      {
        name: 'Sheet1',
        merges: ['A1:F1', 'A2:A3', 'B2:C2', 'D2:D3', 'E2:E3', 'F2:F3'],
        rows: [
          ['2017年毕节市工委联系点活动台账'],
          ['序号', '活动时间', null, '活动形式', '活动主题', '参加领导'],
          [null, '月', '日', null, null, null],
          [1, 3, 16, '专题讲座', '学习贯彻全会精神', '罗副主席'],
          [2, null, 28, '座谈会', '座谈交流', '罗副主席'],
          [3, '5月', '20日', '看望老同志', '走访慰问', '罗副主席'],
        ],
      },
    ],
    records: [
      { row: 4, point: BIJIE, date: '2017-03-16', type: 'lecture' },
      { row: 5, point: BIJIE, date: '2017-03-28', type: 'symposium' },
      { row: 6, point: BIJIE, date: '2017-05-20', type: 'veteran-visit' },
    ],
    notCodes: ['date-unreadable', 'date-missing'],
  },
  {
    // The same without merges: the second header row holds only 月 and 日.
    label: '月 and 日 under 活动时间 without merged cells',
    headerRow: 3,
    sheets: [
      {
        name: '毕节',
        rows: [
          ['联系点活动台账'],
          ['活动时间', null, '活动形式', '活动主题'],
          ['月', '日'],
          [3, 16, '专题讲座', '学习贯彻全会精神'],
          [4, 18, '座谈会', '座谈交流'],
        ],
      },
    ],
    records: [
      { row: 4, point: BIJIE, date: '2017-03-16', type: 'lecture' },
      { row: 5, point: BIJIE, date: '2017-04-18', type: 'symposium' },
    ],
    notCodes: ['date-unreadable'],
  },
  {
    // Dates without a year take the title's, not the campaign's.
    label: 'the year of dates written without one comes from the title',
    headerRow: 2,
    sheets: [
      {
        name: '毕节',
        rows: [['2016年度联系点活动台账'], ['活动日期', '活动形式', '活动主题'], ['3月16日', '专题讲座', '讲座']],
      },
    ],
    records: [{ row: 3, point: BIJIE, date: '2016-03-16', type: 'lecture' }],
    codes: ['date-out-of-period'],
  },
  {
    // A log of sentences; the point only in the title.
    label: 'a tracker that is a log of sentences',
    headerRow: 2,
    sheets: [
      {
        name: 'Sheet1',
        merges: ['A1:B1'],
        rows: [
          ['民进毕节市工委2017年联系点活动情况'],
          ['序号', '活动情况'],
          [1, '3月16日下午，罗副主席在吕梁市委会作“学习贯彻全会精神”专题讲座，市工委委员30余人参加。'],
          [2, '4月18日，罗副主席、张秘书长与市工委班子座谈交流。'],
          [3, '5月20日上午，罗副主席看望慰问老同志。'],
          ['填表人：王五'],
        ],
      },
    ],
    records: [
      { row: 3, point: BIJIE, date: '2017-03-16', type: 'lecture', fields: { leader: '罗副主席', title: '学习贯彻全会精神' } },
      { row: 4, point: BIJIE, date: '2017-04-18', type: 'symposium', fields: { leader: '罗副主席、张秘书长', title: null } },
      { row: 5, point: BIJIE, date: '2017-05-20', type: 'veteran-visit', fields: { leader: '罗副主席' } },
    ],
    codes: ['read-from-text'],
    notCodes: ['read-as-matrix', 'date-missing', 'type-missing', 'point-missing'],
    issueCells: [{ code: 'read-from-text', cell: 'B3' }],
  },
  {
    // The point named only by the file.
    label: 'a log of sentences whose point is named by the file',
    file: '毕节市工委台账.xlsx',
    sheets: [{ name: 'Sheet1', rows: [['2017年6月1日，罗副主席为会员作专题讲座。'], ['罗副主席看望老同志。']] }],
    records: [
      { row: 1, point: BIJIE, date: '2017-06-01', type: 'lecture' },
      { row: 2, point: BIJIE, date: null, type: 'veteran-visit' },
    ],
    codes: ['read-from-text', 'date-missing'],
  },
  {
    // Requirements by month; a plan is not an activity; a tick has no day.
    label: 'a progress matrix (推进表)',
    headerRow: 2,
    sheets: [
      {
        name: '推进表',
        merges: ['A1:E1'],
        rows: [
          ['毕节市工委2017年联系点工作推进表'],
          ['规定动作', '3月', '4月', '5月', '6月'],
          ['专题讲座', '3月16日罗副主席作专题讲座', null, '拟于5月再次开展专题讲座', null],
          ['座谈交流', null, '4月18日召开座谈会', null, null],
          ['看望老同志', null, null, '√', '6月2日看望老同志'],
          ['合计', 1, 1, 1, 1],
        ],
      },
    ],
    records: [
      { row: 3, point: BIJIE, date: '2017-03-16', type: 'lecture', fields: { column: 'B', leader: '罗副主席' } },
      { row: 4, point: BIJIE, date: '2017-04-18', type: 'symposium', fields: { column: 'C' } },
      { row: 5, point: BIJIE, date: null, type: 'veteran-visit', fields: { column: 'D' } },
      { row: 5, point: BIJIE, date: '2017-06-02', type: 'veteran-visit', fields: { column: 'E' } },
    ],
    codes: ['read-as-matrix', 'date-unreadable'],
    notCodes: ['read-from-text'],
    issueCells: [
      { code: 'date-unreadable', cell: 'D5' },
      { code: 'read-as-matrix', cell: 'B3' },
    ],
  },
  {
    // Several points in one matrix, a point column beside the requirement.
    label: 'a progress matrix with a point column',
    headerRow: 1,
    sheets: [
      {
        name: '推进表',
        merges: ['A2:A3'],
        rows: [
          ['联系点', '工作内容', '一月', '二月', '三月'],
          ['毕节', '专题讲座', '1月12日专题讲座', null, null],
          [null, '看望老同志', null, null, '3月5日看望老同志'],
          ['海淀', '专题讲座', null, '2月20日专题讲座', '计划3月座谈'],
        ],
      },
    ],
    records: [
      { row: 2, point: BIJIE, date: '2017-01-12', type: 'lecture' },
      { row: 3, point: BIJIE, date: '2017-03-05', type: 'veteran-visit' },
      { row: 4, point: 'beijing-haidian', date: '2017-02-20', type: 'lecture' },
    ],
    codes: ['read-as-matrix'],
  },
];

