// Writes a messy-ish provincial tracker of N rows as a real .xlsx: a merged title row, a subtitle,
// a header in the provinces' own words, real and text dates, free-text types, short point names.
import * as ExcelJS from 'exceljs';

const POINTS = ['民进贵州省毕节市工委', '毕节', '民进北京市海淀区委员会', '海淀区', '民进海淀区委', '民进上海市静安区委员会', '常州市委员会', '三亚'];
const TYPES = ['举办专题讲座', '召开座谈会', '参加支部生活会', '看望慰问老同志、老会员', '走访基层组织', '与当地统战部沟通', '专题讲座', '座谈交流'];
const LEADERS = ['张三', '李四', '王五', '赵六'];
const HEADERS = ['序号', '联系点', '活动时间', '活动形式', '参加领导', '活动主题', '参加人数', '主要内容', '刊发情况', '备注'];

function dateCell(i: number): ExcelJS.CellValue {
  const month = (i % 12) + 1;
  const day = (i % 28) + 1;
  switch (i % 3) {
    case 0:
      return new Date(Date.UTC(2017, month - 1, day));
    case 1:
      return `2017.${month}.${day}`;
    default:
      return `2017年${month}月${day}日`;
  }
}

function row(i: number): ExcelJS.CellValue[] {
  const type = TYPES[i % TYPES.length];
  return [
    i + 1,
    POINTS[i % POINTS.length],
    dateCell(i),
    type,
    LEADERS[i % LEADERS.length],
    `不忘合作初心，继续携手前进（第${(i % 50) + 1}讲）`,
    i % 2 === 0 ? 40 + (i % 60) : `${40 + (i % 60)}人`,
    `围绕${type}开展活动，参加同志交流了学习体会，提出意见建议${i % 7}条。`,
    type.includes('讲座') ? '《民进会刊》刊发' : null,
    i % 10 === 0 ? '补录' : null,
  ];
}

export async function writeTracker(filename: string, rows: number): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename, useSharedStrings: true, useStyles: true });
  const sheet = workbook.addWorksheet('2017年台账');
  sheet.columns = HEADERS.map((_, i) => ({ width: i === 7 ? 40 : 14 }));
  sheet.addRow(['民进贵州省委员会联系点工作台账（2017年）']);
  sheet.mergeCells('A1:J1');
  sheet.getRow(1).commit();
  sheet.addRow(['填报单位：民进贵州省委员会办公室']).commit();
  sheet.addRow(HEADERS).commit();
  for (let i = 0; i < rows; i++) {
    const added = sheet.addRow(row(i));
    added.getCell(3).numFmt = 'yyyy"年"m"月"d"日"';
    added.commit();
  }
  sheet.addRow(['合计', `${rows}次`]).commit();
  sheet.addRow(['填表说明：日期按活动当天填写。']).commit();
  sheet.commit();
  await workbook.commit();
}
