// Trackers in layouts the reader was not written against, kept the way provincial staff keep them
// in Excel / WPS. Each case: the grid (or sheets), the header row, every record as
// [row, point, date, type], and the error-severity issues as [row, code].
import { checkTracker, DEFAULT_CAMPAIGN, findTracker } from '../../shared';
import type { CellValue, Grid, IssueCode, TypeCode } from '../../shared';
import { rect, utc } from './helpers';

const C = DEFAULT_CAMPAIGN;

type Expected = [row: number, point: string | null, date: string | null, type: TypeCode | null];

interface Case {
  name: string;
  grid?: CellValue[][];
  sheets?: { name: string; grid: CellValue[][] }[];
  headerRow: number;
  records: Expected[];
  errors?: [row: number, code: IssueCode][];
}

const BJ = 'guizhou-bijie';
const WZ = 'ningxia-wuzhong';
const HD = 'beijing-haidian';
const CZ = 'jiangsu-changzhou';
const SY = 'hainan-sanya';

const cases: Case[] = [
  {
    name: '序号 and 省份 columns, line breaks and units inside header cells, dotted dates',
    grid: rect([
      ['民进贵州省委员会2017年联系点工作台账'],
      ['序号', '省份', '联系点', '活动\n时间', '活动\n类型', '参加\n领导', '活动主题', '参加人数（人）', '刊发情况'],
      [1, '贵州', '毕节', '2017.3.15', '举办专题讲座', '某副主席', '不忘合作初心，继续携手前进', 80, '《民主》第4期'],
      [2, '贵州', '毕节市', '2017.04.02', '召开座谈会', '某副主席', '座谈', '30人', ''],
      [3, '贵州', '毕节工委', '2017.5.6', '看望老同志', '某副主席', '看望', '5', ''],
    ]),
    headerRow: 2,
    records: [
      [3, BJ, '2017-03-15', 'lecture'],
      [4, BJ, '2017-04-02', 'symposium'],
      [5, BJ, '2017-05-06', 'veteran-visit'],
    ],
  },
  {
    name: 'every way of writing the date',
    grid: [
      ['联系点', '活动日期', '活动形式', '主题'],
      ['毕节', '2017/03/15', '讲座', 't'],
      ['毕节', '2017年3月15日上午', '座谈', 't'],
      ['毕节', '3.15', '座谈', 't'],
      ['毕节', '三月十五日', '座谈', 't'],
      ['毕节', '2017年3月15日—16日', '座谈', 't'],
      ['毕节', 20170315, '座谈', 't'],
      ['毕节', '20170315', '座谈', 't'],
      ['毕节', 42809, '座谈', 't'],
      ['毕节', 42809.604166, '座谈', 't'],
      ['毕节', new Date(Date.UTC(2017, 2, 15, 14, 30)), '座谈', 't'],
      ['毕节', '2017-03-15 14:30:00', '座谈', 't'],
      ['毕节', '２０１７年３月１５日', '座谈', 't'],
      ['毕节', '17.3.15', '座谈', 't'],
      ['毕节', '2017. 3. 15', '座谈', 't'],
      ['毕节', '3月15日—3月16日', '座谈', 't'],
    ],
    headerRow: 1,
    records: Array.from({ length: 15 }, (_, i): Expected => [i + 2, BJ, '2017-03-15', i === 0 ? 'lecture' : 'symposium']),
  },
  {
    // Bug: a month.day typed into a cell is stored by Excel as the number 3.15 and was unreadable.
    name: 'month.day typed as a number; 3.1 could be March 1 or 10 and is not guessed',
    grid: [
      ['联系点', '日期', '类型', '主题'],
      ['吴忠', 3.15, '座谈', 't'],
      ['吴忠', 11.08, '座谈', 't'],
      ['吴忠', 4.5, '座谈', 't'],
      ['吴忠', 3.1, '座谈', 't'],
    ],
    headerRow: 1,
    records: [
      [2, WZ, '2017-03-15', 'symposium'],
      [3, WZ, '2017-11-08', 'symposium'],
      [4, WZ, '2017-04-05', 'symposium'],
      [5, WZ, null, 'symposium'],
    ],
    errors: [[5, 'date-unreadable']],
  },
  {
    // Bug: 2017年3-4月 (March to April) was read as 2017-03-04.
    name: 'a span of months is not a day',
    grid: [
      ['联系点', '日期', '类型', '主题'],
      ['吴忠', '2017年3-4月', '调研', 't'],
      ['吴忠', '2017年3月', '调研', 't'],
      ['吴忠', '3月中旬', '调研', 't'],
    ],
    headerRow: 1,
    records: [
      [2, WZ, null, 'symposium'],
      [3, WZ, null, 'symposium'],
      [4, WZ, null, 'symposium'],
    ],
    errors: [
      [2, 'date-unreadable'],
      [3, 'date-unreadable'],
      [4, 'date-unreadable'],
    ],
  },
  {
    name: 'free-text activity types',
    grid: [
      ['联系点', '时间', '工作内容', '参加领导'],
      ['毕节', '2017-03-01', '作专题辅导报告', 'x'],
      ['毕节', '2017-03-02', '宣讲', 'x'],
      ['毕节', '2017-03-03', '调研座谈', 'x'],
      ['毕节', '2017-03-04', '参加××支部组织生活会', 'x'],
      ['毕节', '2017-03-05', '走访慰问老会员', 'x'],
      ['毕节', '2017-03-06', '看望老同志', 'x'],
      ['毕节', '2017-03-07', '慰问', 'x'],
      ['毕节', '2017-03-08', '走访基层', 'x'],
      ['毕节', '2017-03-09', '与市委统战部领导交流', 'x'],
      ['毕节', '2017-03-10', '與市委統戰部領導交流', 'x'],
    ],
    headerRow: 1,
    records: [
      [2, BJ, '2017-03-01', 'lecture'],
      [3, BJ, '2017-03-02', 'lecture'],
      [4, BJ, '2017-03-03', 'symposium'],
      [5, BJ, '2017-03-04', 'branch-meeting'],
      [6, BJ, '2017-03-05', 'veteran-visit'],
      [7, BJ, '2017-03-06', 'veteran-visit'],
      [8, BJ, '2017-03-07', 'veteran-visit'],
      [9, BJ, '2017-03-08', 'grassroots-visit'],
      [10, BJ, '2017-03-09', 'authority-liaison'],
      [11, BJ, '2017-03-10', 'authority-liaison'],
    ],
  },
  {
    // Bug: 与市领导交流 / 拜会市委书记 named no known word and counted as other.
    name: 'meeting local leaders is authority liaison',
    grid: [
      ['联系点', '时间', '活动类别'],
      ['吴忠', '2017-03-01', '与市领导交流工作'],
      ['吴忠', '2017-03-02', '拜会市委书记'],
      ['吴忠', '2017-03-03', '会见吴忠市政府领导'],
    ],
    headerRow: 1,
    records: [
      [2, WZ, '2017-03-01', 'authority-liaison'],
      [3, WZ, '2017-03-02', 'authority-liaison'],
      [4, WZ, '2017-03-03', 'authority-liaison'],
    ],
  },
  {
    // Bug: 支部会 inside 支部会员 made a visit to members a branch meeting; 作报告 inside 工作报告 a lecture.
    name: 'words inside longer words do not decide the type',
    grid: [
      ['联系点', '时间', '活动类别'],
      ['吴忠', '2017-03-01', '走访吴忠支部会员'],
      ['吴忠', '2017-03-02', '听取市委会工作报告'],
      ['吴忠', '2017-03-03', '听取工作报告并座谈'],
    ],
    headerRow: 1,
    records: [
      [2, WZ, '2017-03-01', 'grassroots-visit'],
      [3, WZ, '2017-03-02', 'other'],
      [4, WZ, '2017-03-03', 'symposium'],
    ],
  },
  {
    name: 'English and pinyin type texts',
    grid: [
      ['Liaison point', 'Date', 'Activity type', 'Leader', 'Title / theme'],
      ['Bijie', '2017-03-01', 'Thematic lecture', 'x', 't'],
      ['Bijie', '2017-03-02', 'Symposium', 'x', 't'],
      ['Bijie', '2017-03-03', 'Branch meeting', 'x', 't'],
      ['Bijie', '2017-03-04', 'Visit to veteran members', 'x', 't'],
      ['Bijie', '2017-03-05', 'Seminar', 'x', 't'],
      ['Bijie', '2017-03-06', 'zhuanti jiangzuo', 'x', 't'],
      ['Bijie', '2017-03-07', 'zuotanhui', 'x', 't'],
      ['Bijie', '2017-03-08', 'kanwang lao tongzhi', 'x', 't'],
    ],
    headerRow: 1,
    records: [
      [2, BJ, '2017-03-01', 'lecture'],
      [3, BJ, '2017-03-02', 'symposium'],
      [4, BJ, '2017-03-03', 'branch-meeting'],
      [5, BJ, '2017-03-04', 'veteran-visit'],
      [6, BJ, '2017-03-05', 'symposium'],
      [7, BJ, '2017-03-06', 'lecture'],
      [8, BJ, '2017-03-07', 'symposium'],
      [9, BJ, '2017-03-08', 'veteran-visit'],
    ],
  },
  {
    name: 'point names: short, full, traditional, stray and full-width spaces',
    grid: [
      ['联系点', '日期', '类型'],
      ['毕节', '2017-03-01', '座谈'],
      ['毕节市', '2017-03-01', '座谈'],
      ['毕节工委', '2017-03-01', '座谈'],
      ['民进毕节市工委', '2017-03-01', '座谈'],
      ['畢節市', '2017-03-01', '座谈'],
      ['民进贵州省毕节市工作委员会', '2017-03-01', '座谈'],
      [' 毕 节 ', '2017-03-01', '座谈'],
      ['　毕节市委会　', '2017-03-01', '座谈'],
      ['贵州毕节', '2017-03-01', '座谈'],
      ['毕节市（贵州）', '2017-03-01', '座谈'],
      ['毕节\u00a0', '2017-03-01', '座谈'],
    ],
    headerRow: 1,
    records: Array.from({ length: 11 }, (_, i): Expected => [i + 2, BJ, '2017-03-01', 'symposium']),
  },
  {
    // Bug: an English point written with "City" or "Municipal Committee" after the place was unknown.
    name: 'English point names with a suffix',
    grid: [
      ['Liaison point', 'Date', 'Activity type'],
      ['Bijie City', '2017-03-01', 'symposium'],
      ['Wuzhong Municipal Committee', '2017-03-01', 'symposium'],
    ],
    headerRow: 1,
    records: [
      [2, BJ, '2017-03-01', 'symposium'],
      [3, WZ, '2017-03-01', 'symposium'],
    ],
  },
  {
    name: 'totals rows of every kind are not records',
    grid: rect([
      ['序号', '联系点', '日期', '类型', '人数'],
      [1, '常州', '2017-03-01', '讲座', 50],
      ['小计', '', '', '', 50],
      [2, '常州', '2017-04-01', '座谈', 20],
      ['合 计', '', '', '', 70],
      ['', '总计', '', '', 70],
      ['', '', '共计', '', 70],
      ['累计', '', '', '', 70],
      ['本月合计', '', '', '', 70],
      ['Total', '', '', '', 70],
    ]),
    headerRow: 1,
    records: [
      [2, CZ, '2017-03-01', 'lecture'],
      [4, CZ, '2017-04-01', 'symposium'],
    ],
  },
  {
    name: 'notes and sign-off rows below the table',
    grid: rect([
      ['联系点', '日期', '类型', '主题', '备注'],
      ['常州', '2017-03-01', '讲座', 't', ''],
      ['注：1.日期写成2017年3月15日。'],
      ['2.每次活动填一行。'],
      ['说明：本表每月5日前报送。'],
      ['填表人：张三', '', '', '审核人：李四', '联系电话：123'],
      ['注：', '类型请从下拉菜单中选择'],
      ['报送单位（盖章）：民进常州市委'],
      ['', '', '', '', '2017年4月5日'],
      ['制表：张三'],
    ]),
    headerRow: 1,
    records: [[2, CZ, '2017-03-01', 'lecture']],
  },
  {
    name: 'blank columns between the fields and a leading empty column',
    grid: rect([
      [],
      ['', '序号', '', '联系点', '', '活动时间', '', '活动形式', '', '主题'],
      ['', 1, '', '三亚', '', utc(2017, 6, 1), '', '专题讲座', '', 't'],
      ['', 2, '', '三亚市', '', utc(2017, 6, 2), '', '看望老会员', '', 't'],
    ]),
    headerRow: 2,
    records: [
      [3, SY, '2017-06-01', 'lecture'],
      [4, SY, '2017-06-02', 'veteran-visit'],
    ],
  },
  {
    name: 'a hidden helper column (月份 formula results, type codes) does not take a field',
    grid: [
      ['联系点', '活动时间', '月份', '活动形式', '类型代码', '主题'],
      ['海淀', 42809, 3, '座谈交流', 2, 't'],
      ['海淀', 42840, 4, '看望老同志', 4, 't'],
    ],
    headerRow: 1,
    records: [
      [2, HD, '2017-03-15', 'symposium'],
      [3, HD, '2017-04-15', 'veteran-visit'],
    ],
  },
  {
    name: 'two-level header: group titles merged above sub-columns',
    grid: rect([
      ['民进宁夏区委会联系点工作台账'],
      ['序号', '联系点', '活动基本情况', '', '', '参加人员', ''],
      ['', '', '时间', '形式', '主题', '领导', '人数'],
      [1, '吴忠', '2017.6.1', '宣讲', 't', 'x', 40],
    ]),
    headerRow: 3,
    records: [[4, WZ, '2017-06-01', 'lecture']],
  },
  {
    // Bug: a row numbering the columns (1 2 3 …) under the header was read as a record.
    name: 'a column-number row (栏次) under the header',
    grid: rect([
      ['序号', '联系点', '日期', '类型', '主题'],
      ['栏次', 1, 2, 3, 4],
      [1, '吴忠', '2017-03-01', '座谈', 't'],
    ]),
    headerRow: 1,
    records: [[3, WZ, '2017-03-01', 'symposium']],
  },
  {
    name: 'a column-number row of bare numbers',
    grid: rect([
      ['联系点', '日期', '类型', '主题'],
      [1, 2, 3, 4],
      ['吴忠', '2017-03-01', '座谈', 't'],
    ]),
    headerRow: 1,
    records: [[3, WZ, '2017-03-01', 'symposium']],
  },
  {
    // Bug: the template's example row counted as a real activity.
    name: 'an example row (示例 / 例) is not a record',
    grid: rect([
      ['序号', '联系点', '日期', '类型', '主题'],
      ['示例', '毕节', '2017-01-01', '专题讲座', '示例'],
      ['例：', '毕节', '2017-01-01', '专题讲座', '示例'],
      [1, '毕节', '2017-03-01', '座谈', 't'],
    ]),
    headerRow: 1,
    records: [[4, BJ, '2017-03-01', 'symposium']],
  },
  {
    // Bug: section headings written in a field column became records with errors.
    name: 'section headings (一、规定动作 / 3月份) between the records',
    grid: rect([
      ['联系点', '日期', '类型', '主题'],
      ['一、规定动作'],
      ['吴忠', '2017-03-01', '讲座', 't'],
      ['二、自选动作'],
      ['吴忠', '2017-03-02', '走访基层', 't'],
      ['', '2017年4月份'],
      ['吴忠', '2017-04-02', '座谈', 't'],
      ['（三）其他工作'],
    ]),
    headerRow: 1,
    records: [
      [3, WZ, '2017-03-01', 'lecture'],
      [5, WZ, '2017-03-02', 'grassroots-visit'],
      [7, WZ, '2017-04-02', 'symposium'],
    ],
  },
  {
    name: 'a section heading naming the activity types the rows below if they say nothing',
    grid: rect([
      ['联系点', '日期', '主题'],
      ['一、专题讲座'],
      ['吴忠', '2017-03-01', '不忘合作初心'],
      ['二、看望老同志'],
      ['吴忠', '2017-03-02', '春节前夕'],
    ]),
    headerRow: 1,
    records: [
      [3, WZ, '2017-03-01', 'lecture'],
      [5, WZ, '2017-03-02', 'veteran-visit'],
    ],
  },
  {
    name: 'ditto marks repeat the cell above',
    grid: [
      ['联系点', '日期', '类型', '主题'],
      ['吴忠', '2017-03-01', '座谈', 't'],
      ['同上', '〃', '看望老同志', 't'],
      ['"', '2017-03-05', '同上', 't'],
    ],
    headerRow: 1,
    records: [
      [2, WZ, '2017-03-01', 'symposium'],
      [3, WZ, '2017-03-01', 'veteran-visit'],
      [4, WZ, '2017-03-05', 'veteran-visit'],
    ],
  },
  {
    // Bug: a 规定动作/自选动作 category column took the type and the activity in 活动内容 was ignored.
    name: 'a 规定动作/自选动作 category column next to the activity itself',
    grid: [
      ['联系点', '时间', '类别', '活动内容', '参加领导'],
      ['常州', '2017-03-01', '规定动作', '举办专题讲座', 'x'],
      ['常州', '2017-03-02', '规定动作', '看望老会员', 'x'],
      ['常州', '2017-03-03', '自选动作', '参观学习', 'x'],
    ],
    headerRow: 1,
    records: [
      [2, CZ, '2017-03-01', 'lecture'],
      [3, CZ, '2017-03-02', 'veteran-visit'],
      [4, CZ, '2017-03-03', 'self-chosen'],
    ],
  },
  {
    // Bug: 地区 / 市州 / 开展情况 / English headers other than our own labels were not recognised.
    name: 'point, summary and English headers under other names',
    grid: [
      ['No.', 'Region', 'Date of activity', 'Activity', 'Topic', 'Attendees', 'Notes'],
      [1, 'Sanya', '2017-05-01', 'Lecture', 't', 30, ''],
    ],
    headerRow: 1,
    records: [[2, SY, '2017-05-01', 'lecture']],
  },
  {
    name: '市州 and 开展情况 headers',
    grid: [
      ['市（州）', '开展时间', '开展情况'],
      ['毕节', '2017-05-01', '举办专题讲座一场'],
    ],
    headerRow: 1,
    records: [[2, BJ, '2017-05-01', 'lecture']],
  },
  {
    // Bug: separate 月 and 日 columns (ledger style) had no date column, so nothing was read.
    name: 'the date in separate 月 and 日 columns',
    grid: rect([
      ['2017年毕节市工委联系点活动记录'],
      ['月', '日', '活动内容', '参加领导'],
      [3, 15, '专题讲座', 'x'],
      [4, 2, '座谈会', 'x'],
    ]),
    headerRow: 2,
    records: [
      [3, BJ, '2017-03-15', 'lecture'],
      [4, BJ, '2017-04-02', 'symposium'],
    ],
  },
  {
    name: 'the date in 月 and 日 columns under a merged 日期',
    grid: rect([
      ['序号', '联系点', '日期', '', '活动形式'],
      ['', '', '月', '日', ''],
      [1, '吴忠', '3', '15', '座谈'],
      [2, '吴忠', '12', '1', '讲座'],
    ]),
    headerRow: 2,
    records: [
      [3, WZ, '2017-03-15', 'symposium'],
      [4, WZ, '2017-12-01', 'lecture'],
    ],
  },
  {
    name: 'no point column: the point is in the title, dates out of the period are reported',
    grid: rect([
      ['民进贵州省毕节市工作委员会'],
      ['2017年联系点工作台账'],
      ['日期', '活动类型', '主题'],
      ['2016.12.20', '座谈', 't'],
      ['2017.1.5', '讲座', 't'],
    ]),
    headerRow: 3,
    records: [
      [4, BJ, '2016-12-20', 'symposium'],
      [5, BJ, '2017-01-05', 'lecture'],
    ],
    errors: [[4, 'date-out-of-period']],
  },
  {
    name: 'monthly sheets: an instructions sheet and an empty template sheet are passed over',
    sheets: [
      { name: '填表说明', grid: [['填表说明'], ['1.活动日期写成2017年3月15日'], ['2.活动类型从下拉菜单选择']] },
      { name: '模板', grid: [['联系点', '日期']] },
      { name: '台账', grid: [['吴忠市工委活动台账'], ['序号', '联系点', '活动日期', '活动类型', '参加领导', '活动主题', '参加人数'], [1, '吴忠', '2017-07-01', '讲座', 'x', 't', 20]] },
    ],
    headerRow: 2,
    records: [[3, WZ, '2017-07-01', 'lecture']],
  },
  {
    name: 'unreadable and missing values give errors, not crashes',
    grid: rect([
      ['联系点', '日期', '类型', '主题'],
      ['银川', '待定', '讲座', 't'],
      ['', '2017-03-01', '', 't'],
      ['毕节、吴忠', '', '参观', 't'],
    ]),
    headerRow: 1,
    records: [
      [2, null, null, 'lecture'],
      [3, null, '2017-03-01', null],
      [4, null, null, 'other'],
    ],
    // 待定 as the date says the activity is only planned: a warning (activity-planned), not a date error.
    errors: [
      [2, 'point-unknown'],
      [3, 'point-missing'],
      [3, 'type-missing'],
      [4, 'date-missing'],
      [4, 'point-unknown'],
    ],
  },
  {
    name: 'traditional headers and values from a Hong Kong style sheet',
    grid: rect([
      ['聯繫點', '活動時間', '活動類別', '參加領導', '活動主題', '參加人數（人）'],
      ['畢節', '2017年3月15日', '舉辦專題講座', '某', 't', '八十人'],
      ['畢節', '2017年4月1日', '走訪慰問老會員', '某', 't', '十'],
    ]),
    headerRow: 1,
    records: [
      [2, BJ, '2017-03-15', 'lecture'],
      [3, BJ, '2017-04-01', 'veteran-visit'],
    ],
  },
  {
    name: 'English month names in dates',
    grid: [
      ['Liaison point', 'Date', 'Activity type'],
      ['Wuzhong', '15-Mar-2017', 'lecture'],
      ['Wuzhong', 'March 16, 2017', 'lecture'],
      ['Wuzhong', '17 Mar', 'lecture'],
      ['Wuzhong', 'Wed Mar 15 2017 00:00:00 GMT+0800', 'lecture'],
    ],
    headerRow: 1,
    records: [
      [2, WZ, '2017-03-15', 'lecture'],
      [3, WZ, '2017-03-16', 'lecture'],
      [4, WZ, '2017-03-17', 'lecture'],
      [5, WZ, '2017-03-15', 'lecture'],
    ],
  },
  {
    // Bug: the fill-in hints under a template's header (（必填） …) were read as a record.
    name: 'a line of fill-in hints under the header',
    grid: rect([
      ['联系点', '活动日期', '活动类型', '主题'],
      ['（必填）', '（格式：2017-03-15）', '【下拉选择】', ''],
      ['三亚', '2017-03-01', '座谈', 't'],
    ]),
    headerRow: 1,
    records: [[3, SY, '2017-03-01', 'symposium']],
  },
  {
    // Bug: a units / format line under the header (年月日 | 人) was read as a record.
    name: 'a line of units and formats under the header',
    grid: rect([
      ['联系点', '活动时间', '活动类型', '参加人数'],
      ['', '年月日', '', '人'],
      ['三亚', '2017-03-01', '座谈', 20],
      ['三亚', '2017-03-02', '讲座', 20],
    ]),
    headerRow: 1,
    records: [
      [3, SY, '2017-03-01', 'symposium'],
      [4, SY, '2017-03-02', 'lecture'],
    ],
  },
  {
    // Bug: the group-title line of a repeated two-level header was read as a record.
    name: 'a two-level header repeated for each month',
    grid: rect([
      ['序号', '联系点', '活动基本情况', '', '', '参加人员', ''],
      ['', '', '时间', '形式', '主题', '领导', '人数'],
      [1, '吴忠', '2017.6.1', '宣讲', 't', 'x', 40],
      ['序号', '联系点', '活动基本情况', '', '', '参加人员', ''],
      ['', '', '时间', '形式', '主题', '领导', '人数'],
      [2, '吴忠', '2017.7.1', '座谈', 't', 'x', 40],
    ]),
    headerRow: 2,
    records: [
      [3, WZ, '2017-06-01', 'lecture'],
      [6, WZ, '2017-07-01', 'symposium'],
    ],
  },
  {
    // Bug: pre-numbered template rows whose formulas show 0 were records with three errors each.
    name: 'pre-numbered empty rows with formula zeros, and a count line',
    grid: rect([
      ['序号', '联系点', '日期', '类型', '人数', '备注'],
      [1, '三亚', '2017-03-01', '座谈', 20, ''],
      [2, '', '', '', 0, ''],
      [3, '', '', '', 0, '—'],
      ['', '', '共开展活动1次'],
    ]),
    headerRow: 1,
    records: [[2, SY, '2017-03-01', 'symposium']],
  },
  {
    name: 'title and 填报单位 / 时间 lines above the header',
    grid: rect([
      ['民进贵州省委员会联系点工作台账'],
      ['填报单位：民进贵州省委', '', '', '填报时间：2017年4月5日', '', '单位：人'],
      ['时间：2017年1月—12月', '', '', '', '活动类型：规定动作'],
      ['序号', '联系点', '活动时间', '活动形式', '主题', '人数'],
      [1, '民进贵州省毕节市工作委员会', '2017-03-01', '讲座', 't', 3],
    ]),
    headerRow: 4,
    records: [[5, BJ, '2017-03-01', 'lecture']],
  },
  {
    name: 'dates inside longer texts, 元月 and 元旦',
    grid: [
      ['联系点', '日期', '类型'],
      ['南平', '春节前（1月20日）', '看望老同志'],
      ['南平', '星期三（3月15日）', '座谈'],
      ['南平', '2017年元月5日', '座谈'],
      ['南平', '元旦', '座谈'],
      ['南平', '于2017年3月15日下午', '座谈'],
    ],
    headerRow: 1,
    records: [
      [2, 'fujian-nanping', '2017-01-20', 'veteran-visit'],
      [3, 'fujian-nanping', '2017-03-15', 'symposium'],
      [4, 'fujian-nanping', '2017-01-05', 'symposium'],
      [5, 'fujian-nanping', '2017-01-01', 'symposium'],
      [6, 'fujian-nanping', '2017-03-15', 'symposium'],
    ],
  },
  {
    // Bug: 专题辅导 and 支部换届大会 were not recognised.
    name: 'more type texts: 专题辅导, 支部换届大会, 座谈会+看望老同志',
    grid: [
      ['联系点', '日期', '类型'],
      ['南平', '2017-03-01', '专题辅导'],
      ['南平', '2017-03-02', '出席支部换届大会'],
      ['南平', '2017-03-03', '座谈会+看望老同志'],
      ['南平', '2017-03-04', '举办“不忘合作初心，继续携手前进”专题讲座'],
    ],
    headerRow: 1,
    records: [
      [2, 'fujian-nanping', '2017-03-01', 'lecture'],
      [3, 'fujian-nanping', '2017-03-02', 'branch-meeting'],
      [4, 'fujian-nanping', '2017-03-03', 'veteran-visit'],
      [5, 'fujian-nanping', '2017-03-04', 'lecture'],
    ],
  },
  {
    name: 'an English tracker with its own words',
    grid: [
      ['Point', 'When', 'Type', 'Leader', 'Topic', 'Participants', 'Published in'],
      ['Nanping', '3/15/2017', 'Forum', 'x', 't', '40 people', 'Yes'],
    ],
    headerRow: 1,
    records: [[2, 'fujian-nanping', '2017-03-15', 'symposium']],
  },
  {
    name: 'points of other provinces, written every way',
    grid: [
      ['联系点', '日期', '类型'],
      ['吴忠市利通区', '2017-03-01', '座谈'],
      ['民进宁夏回族自治区吴忠市委员会', '2017-03-01', '座谈'],
      ['北京海淀', '2017-03-01', '座谈'],
      ['上海市静安区', '2017-03-01', '座谈'],
      ['陝西渭南', '2017-03-01', '座谈'],
      ['渭南市委会', '2017-03-01', '座谈'],
      ['东莞市委', '2017-03-01', '座谈'],
      ['宁夏', '2017-03-01', '座谈'],
    ],
    headerRow: 1,
    records: [
      [2, WZ, '2017-03-01', 'symposium'],
      [3, WZ, '2017-03-01', 'symposium'],
      [4, HD, '2017-03-01', 'symposium'],
      [5, 'shanghai-jingan', '2017-03-01', 'symposium'],
      [6, 'shaanxi-weinan', '2017-03-01', 'symposium'],
      [7, 'shaanxi-weinan', '2017-03-01', 'symposium'],
      [8, 'guangdong-dongguan', '2017-03-01', 'symposium'],
      [9, null, '2017-03-01', 'symposium'],
    ],
    errors: [[9, 'point-unknown']],
  },
];

describe('trackers in layouts never seen before', () => {
  test.each(cases)('$name', ({ grid, sheets, headerRow, records, errors = [] }) => {
    const read = findTracker(sheets ?? [{ name: 'Sheet1', grid: grid as Grid }], C);
    expect(read).not.toBeNull();
    expect(read!.headerRow).toBe(headerRow);
    expect(read!.records.map((r) => [r.row, r.liaisonPointId, r.date, r.type])).toEqual(records);
    const report = checkTracker(read!, C, { file: 'x.xlsx' });
    expect(report.issues.filter((i) => i.severity === 'error').map((i) => [i.row, i.code])).toEqual(errors);
  });
});
