import { DEFAULT_CAMPAIGN, findHeaderRow, findTracker, readTracker, TEMPLATE_COLUMNS, FIELD_LABELS } from '../../shared';
import type { CellValue, Grid } from '../../shared';
import { rect, utc } from './helpers';

const C = DEFAULT_CAMPAIGN;

describe('findHeaderRow', () => {
  const cases: { name: string; grid: Grid; headerRow: number; columns: Record<string, string> }[] = [
    {
      name: 'our template, header in row 1',
      grid: [TEMPLATE_COLUMNS.map((f) => FIELD_LABELS[f].zh)],
      headerRow: 1,
      columns: { liaisonPoint: 'A', date: 'B', type: 'C', leader: 'D', title: 'E', participants: 'F', summary: 'G', publication: 'H', materials: 'I', filledBy: 'J', remarks: 'K' },
    },
    {
      name: 'title and merged subtitle above, 序号 column',
      grid: rect([
        ['民进贵州省委员会联系点工作台账'],
        ['填报单位：民进贵州省委', '', '', '', '2017年'],
        [],
        ['序号', '联系点名称', '活动时间', '活动形式', '出席领导', '题目', '人数'],
      ]),
      headerRow: 4,
      columns: { liaisonPoint: 'B', date: 'C', type: 'D', leader: 'E', title: 'F', participants: 'G' },
    },
    {
      name: 'traditional headers with full-width spaces and brackets',
      grid: [['聯繫點', '日　期（年月日）', '活動類別', '參加領導', '活動主題', '參加人數', '主要內容', '媒體刊發', '佐證材料', '填表人', '備註']],
      headerRow: 1,
      columns: { liaisonPoint: 'A', date: 'B', type: 'C', leader: 'D', title: 'E', participants: 'F', summary: 'G', publication: 'H', materials: 'I', filledBy: 'J', remarks: 'K' },
    },
    {
      name: 'synonyms: 单位 / 时间 / 工作内容 / 参加的领导小组成员 / 内容摘要 / 发表 / 附件 / 经办人',
      grid: [['单位', '时间', '工作内容', '参加的领导小组成员', '标题', '内容摘要', '发表', '附件', '经办人', '备注']],
      headerRow: 1,
      columns: { liaisonPoint: 'A', date: 'B', type: 'C', leader: 'D', title: 'E', summary: 'F', publication: 'G', materials: 'H', filledBy: 'I', remarks: 'J' },
    },
    {
      name: '活动内容 is the type when nothing else is, 活动形式 wins over it otherwise',
      grid: [['地市组织', '日期', '活动内容', '活动形式', '领导']],
      headerRow: 1,
      columns: { liaisonPoint: 'A', date: 'B', summary: 'C', type: 'D', leader: 'E' },
    },
    {
      name: 'two-level header: group titles merged above',
      grid: rect([
        ['联系点', '活动时间', '活动情况', '', ''],
        ['', '', '类型', '主题', '人数'],
      ]),
      headerRow: 2,
      columns: { liaisonPoint: 'A', date: 'B', type: 'C', title: 'D', participants: 'E' },
    },
    {
      name: 'English headers (our labels)',
      grid: [['Liaison point', 'Date', 'Activity type', 'Leader', 'Title / theme', 'Participants', 'Summary', 'Publication', 'Materials', 'Filled in by', 'Remarks']],
      headerRow: 1,
      columns: { liaisonPoint: 'A', date: 'B', type: 'C', leader: 'D', title: 'E', participants: 'F', summary: 'G', publication: 'H', materials: 'I', filledBy: 'J', remarks: 'K' },
    },
    {
      name: 'a 填报时间 column does not take the date from 活动日期',
      grid: [['联系点', '填报时间', '活动日期', '活动类型']],
      headerRow: 1,
      columns: { liaisonPoint: 'A', date: 'C', type: 'D' },
    },
    {
      name: 'header marks: 1、日期* / 活动类型：',
      grid: [['1、联系点', '日期*', '活动类型：', '活动主题']],
      headerRow: 1,
      columns: { liaisonPoint: 'A', date: 'B', type: 'C', title: 'D' },
    },
  ];
  test.each(cases)('$name', ({ grid, headerRow, columns }) => {
    const found = findHeaderRow(grid);
    expect(found).not.toBeNull();
    expect(found!.headerRow).toBe(headerRow);
    expect(found!.columns).toEqual(columns);
  });

  test.each([
    ['no date column', [['联系点', '活动类型', '主题']]],
    ['only a title row', [['联系点活动日期类型主题台账']]],
    ['empty grid', []],
    ['numbers only', [[1, 2, 3], [4, 5, 6]]],
  ] as [string, Grid][])('null when %s', (_, grid) => {
    expect(findHeaderRow(grid)).toBeNull();
  });

  test('header beyond row 30 is not searched', () => {
    const grid: Grid = [...Array.from({ length: 30 }, () => ['']), ['联系点', '日期', '类型']];
    expect(findHeaderRow(grid)).toBeNull();
    expect(findHeaderRow(grid.slice(1))?.headerRow).toBe(30);
  });

  test('headers lists every non-empty header text by column', () => {
    expect(findHeaderRow([['序号', '联系点', '日期', '类型']])!.headers).toEqual({ A: '序号', B: '联系点', C: '日期', D: '类型' });
  });
});

describe('readTracker on messy trackers', () => {
  const messy: Grid = rect([
    ['民进北京市委员会联系点工作台账（2017年）'],
    ['', '', '', '', '', '', '单位：人'],
    ['序号', '联系点', '活动时间', '活动形式', '参加领导', '活动主题', '参加人数', '刊发情况', '备注'],
    [1, '海淀区', utc(2017, 3, 15), '举办专题讲座', '张三', '不忘合作初心，继续携手前进', '80人', '《北京民进》2017年第2期', ''],
    [2, '民进海淀区委', 42826, '召开座谈会', '张三', '座谈交流', '约30', '', ''],
    [],
    ['', '', '', '', '', '', '', '', ''],
    [3, '海淀', '2017.5.6', '看望慰问老同志、老会员', '张三', '看望老同志', '８', '', ''],
    ['序号', '联系点', '活动时间', '活动形式', '参加领导', '活动主题', '参加人数', '刊发情况', '备注'],
    [4, '民進北京市海淀區委員會', '2017年6月1日', '參加支部生活會', '張三', '支部生活會', '15', '', ''],
    [5, '海淀区', '6月20日', '走访基层组织', '', '', '', '', ''],
    [6, 'beijing-haidian', '二〇一七年七月一日', '調研', '张三', '调研', '十二人', '', ''],
    [7, '北京市海淀区', '2017/8/8', '参观学习', '张三', '参观', '很多', '', ''],
    [8, '', '', '', '', '', '', '', ''],
    ['合计', '', '', '', '', '', 145, '', ''],
    ['填表说明：日期请写成2017年3月15日的形式。'],
    ['2. 每次活动一行。'],
    ['填表人：李四', '', '', '', '联系电话：12345'],
  ]);
  const read = readTracker(messy, C, { sheet: '台账' })!;

  test('finds the header below the title rows', () => {
    expect(read.sheet).toBe('台账');
    expect(read.headerRow).toBe(3);
    expect(read.columns).toMatchObject({ liaisonPoint: 'B', date: 'C', type: 'D', leader: 'E', title: 'F', participants: 'G', publication: 'H', remarks: 'I' });
  });

  test('skips blank rows, the repeated header, sequence-only rows, totals and notes', () => {
    expect(read.records.map((r) => r.row)).toEqual([4, 5, 8, 10, 11, 12, 13]);
  });

  test.each([
    [4, 'beijing-haidian', '2017-03-15', 'lecture', 80],
    [5, 'beijing-haidian', '2017-04-01', 'symposium', 30],
    [8, 'beijing-haidian', '2017-05-06', 'veteran-visit', 8],
    [10, 'beijing-haidian', '2017-06-01', 'branch-meeting', 15],
    [11, 'beijing-haidian', '2017-06-20', 'grassroots-visit', null],
    [12, 'beijing-haidian', '2017-07-01', 'symposium', 12],
    [13, 'beijing-haidian', '2017-08-08', 'other', null],
  ])('row %i → %s %s %s %p', (row, point, date, type, participants) => {
    const r = read.records.find((x) => x.row === row)!;
    expect(r).toMatchObject({ liaisonPointId: point, date, type, participants });
  });

  test('keeps the raw texts', () => {
    const r = read.records.find((x) => x.row === 10)!;
    expect(r.liaisonPointText).toBe('民進北京市海淀區委員會');
    expect(r.dateText).toBe('2017年6月1日');
    expect(r.typeText).toBe('參加支部生活會');
    expect(read.records.find((x) => x.row === 13)!.participantsText).toBe('很多');
    expect(read.records.find((x) => x.row === 4)!.dateText).toBe('2017-03-15');
    expect(read.records.find((x) => x.row === 4)!.publication).toBe('《北京民进》2017年第2期');
  });

  test('a corrected mapping overrides detection', () => {
    const grid: Grid = [
      ['甲', '乙', '丙'],
      ['毕节', '2017-03-01', '授课'],
    ];
    expect(readTracker(grid, C)).toBeNull();
    const r = readTracker(grid, C, { headerRow: 1, columns: { liaisonPoint: 'A', date: 'B', type: 'C' } })!;
    expect(r.records).toHaveLength(1);
    expect(r.records[0]).toMatchObject({ row: 2, liaisonPointId: 'guizhou-bijie', date: '2017-03-01', type: 'lecture' });
    expect(r.headers).toEqual({ A: '甲', B: '乙', C: '丙' });
  });

  test('a corrected header row is used with the columns found there', () => {
    const grid: Grid = [['台账'], ['联系点', '日期', '类型'], ['x'], ['三亚', '2017-02-02', '座谈会']];
    const r = readTracker(grid, C, { headerRow: 3, columns: { liaisonPoint: 'A', date: 'B', type: 'C' } })!;
    expect(r.headerRow).toBe(3);
    expect(r.records.map((x) => x.row)).toEqual([4]);
  });

  test('without a point column, the point named by the sheet or title stands for every row', () => {
    const grid: Grid = [['畢節市工委聯繫點活動台賬'], ['日期', '活动类型', '主题'], ['2017-03-01', '专题讲座', '讲座']];
    expect(readTracker(grid, C)!.records[0].liaisonPointId).toBe('guizhou-bijie');
    const bySheet = readTracker([['日期', '活动类型'], ['2017-03-01', '座谈']], C, { sheet: '吴忠' })!;
    expect(bySheet.records[0].liaisonPointId).toBe('ningxia-wuzhong');
    expect(readTracker([['日期', '活动类型'], ['2017-03-01', '座谈']], C, { sheet: 'Sheet1' })!.records[0].liaisonPointId).toBeNull();
  });

  test('without a type column the title says what the activity was', () => {
    const r = readTracker([['联系点', '日期', '活动主题'], ['三亚', '2017-03-01', '看望老同志'], ['三亚', '2017-03-02', '春游']], C)!;
    expect(r.records.map((x) => x.type)).toEqual(['veteran-visit', null]);
  });

  test('with only a content column (内容), the activity is read from it', () => {
    const r = readTracker([['联系点', '时间', '地点', '内容', '领导小组成员'], ['常州', '2017.05.06', '常州', '看望老会员', '某副主席']], C)!;
    expect(r.columns).toMatchObject({ liaisonPoint: 'A', date: 'B', summary: 'D', leader: 'E' });
    expect(r.records[0]).toMatchObject({ liaisonPointId: 'jiangsu-changzhou', date: '2017-05-06', type: 'veteran-visit' });
  });

  test('an English tracker names points by their place', () => {
    const r = readTracker([['Liaison point', 'Date', 'Activity type'], ['Changzhou', '2017-06-01', 'lecture']], C)!;
    expect(r.records[0]).toMatchObject({ liaisonPointId: 'jiangsu-changzhou', type: 'lecture' });
  });

  test('an empty type cell is null, not other', () => {
    const r = readTracker([['联系点', '日期', '类型'], ['三亚', '2017-03-01', '']], C)!;
    expect(r.records[0].type).toBeNull();
  });

  test('ragged and sparse rows do not confuse it', () => {
    const grid: CellValue[][] = [['联系点', '日期', '类型', '主题']];
    grid.push(['三亚']);
    grid.push([undefined, undefined, undefined, undefined]);
    grid.push(['三亚', '2017-03-01', '授课', '题', 'extra', 'cells']);
    const r = readTracker(grid, C)!;
    expect(r.records.map((x) => [x.row, x.date])).toEqual([[2, null], [4, '2017-03-01']]);
  });
});

describe('readTracker on what an .xlsx reader hands over', () => {
  test('rich text, formula results, hyperlinks and error values', () => {
    const grid = [
      [{ richText: [{ text: '联系' }, { text: '点' }] }, '日期', '类型', '主题'],
      [{ richText: [{ text: '三' }, { text: '亚' }] }, { formula: 'DATE(2017,3,15)', result: utc(2017, 3, 15) }, { text: '专题讲座', hyperlink: 'http://x' }, { error: '#N/A' }],
      ['三亚', { error: '#VALUE!' }, '座谈', '题'],
    ] as unknown as Grid;
    const read = readTracker(grid, C)!;
    expect(read.columns).toMatchObject({ liaisonPoint: 'A', date: 'B', type: 'C', title: 'D' });
    expect(read.records.map((r) => [r.liaisonPointId, r.date, r.type, r.title, r.dateText])).toEqual([
      ['hainan-sanya', '2017-03-15', 'lecture', '#N/A', '2017-03-15'],
      ['hainan-sanya', null, 'symposium', '题', '#VALUE!'],
    ]);
  });

  test('a garbled title line above the header is just skipped', () => {
    const grid: Grid = rect([
      ['?。ò词〖壗M織排序,共12個)'],
      ['??紤]聯(lián)系點台賬'],
      ['聯(lián)繫點', '活動時間', '活動形式'],
      ['畢節(jié)市工委', '2017年3月15日', '舉辦專題講座'],
    ]);
    const read = readTracker(grid, C)!;
    expect(read.headerRow).toBe(3);
    expect(read.records).toEqual([expect.objectContaining({ row: 4, liaisonPointId: 'guizhou-bijie', date: '2017-03-15', type: 'lecture' })]);
  });
});

describe('findTracker', () => {
  const tracker: Grid = [['联系点', '活动日期', '活动类型', '参加领导', '活动主题'], ['三亚', '2017-03-01', '专题讲座', '王', '讲座']];
  test('picks the sheet with the best header, skipping instructions and our status sheet', () => {
    const found = findTracker(
      [
        { name: '填表说明', grid: [['填表说明'], ['日期请写成2017年3月15日']] },
        { name: '完成情况', grid: [['序号', '联系点', '日期', '类型']] },
        { name: '台账', grid: tracker },
      ],
      C,
    )!;
    expect(found.sheet).toBe('台账');
    expect(found.records).toHaveLength(1);
  });
  test('reads the other sheets holding records under the same header (a sheet per month) as one tracker', () => {
    const month = (date: string): Grid => [tracker[0], ['三亚', date, '专题讲座', '王', '讲座']];
    const found = findTracker(
      [
        { name: '3月', grid: month('2017-03-01') },
        { name: '4月', grid: month('2017-04-01') },
        { name: '5月', grid: [tracker[0]] },
        { name: '汇总', grid: [['活动日期', '活动主题'], ['2017-03-31', '小结']] },
      ],
      C,
    )!;
    expect(found.sheet).toBe('3月');
    expect(found.parts!.map((p) => p.sheet)).toEqual(['3月', '4月']);
    expect(found.records.map((r) => [r.sheet, r.row])).toEqual([['3月', 2], ['4月', 2]]);
    // A header mapping other fields may be another kind of table: named, not read.
    expect(found.otherSheets).toEqual(['汇总']);
    const single = findTracker([{ name: '台账', grid: tracker }], C)!;
    expect(single.otherSheets).toBeUndefined();
    expect(single.parts).toBeUndefined();
  });

  test('honours an explicit sheet, or gives null when it has no tracker', () => {
    const sheets = [
      { name: 'A', grid: tracker },
      { name: 'B', grid: [['x']] },
    ];
    expect(findTracker(sheets, C, { sheet: 'A' })!.sheet).toBe('A');
    expect(findTracker(sheets, C, { sheet: 'B' })).toBeNull();
    expect(findTracker(sheets, C, { sheet: 'C' })).toBeNull();
    expect(findTracker([], C)).toBeNull();
  });
});
