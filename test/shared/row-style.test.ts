// Issue 13, item 6: the rules for rows written like the user's own.
import { dateFormatFor, isDateFormat, isSerialHeader, nextSerial, scriptOf } from '../../shared';

describe('row style rules', () => {
  test.each([
    ['yyyy-mm-dd', true],
    ['yyyy"年"m"月"d"日"', true],
    ['m/d/yy', true],
    ['[$-804]yyyy年m月d日', true],
    ['General', false],
    ['@', false],
    ['0.00', false],
    ['h:mm', false],
    ['"日期"@', false],
  ])('isDateFormat(%s) → %s', (format, expected) => expect(isDateFormat(format)).toBe(expected));

  test('the column’s own date format wins; otherwise the longest that fits the width (never ###)', () => {
    expect(dateFormatFor('yyyy"年"m"月"d"日"', 8.43)).toBe('yyyy"年"m"月"d"日"');
    expect(dateFormatFor('General', null)).toBe('yy/m/d');
    expect(dateFormatFor(undefined, 12)).toBe('yyyy-mm-dd');
    expect(dateFormatFor(undefined, 4)).toBe('yy/m/d');
  });

  test('序号 in either script; the next serial from a number or a numeric text', () => {
    expect(isSerialHeader('序號')).toBe(true);
    expect(isSerialHeader(' 序 号 ')).toBe(true);
    expect(isSerialHeader('活动内容')).toBe(false);
    expect(nextSerial(7)).toBe(8);
    expect(nextSerial('12')).toBe(13);
    expect(nextSerial('一')).toBeNull();
    expect(nextSerial(null)).toBeNull();
  });

  test('the script is judged from the sheet’s own text', () => {
    expect(scriptOf(['聯繫點', '活動日期', '畢節', '座談會'])).toBe('traditional');
    expect(scriptOf(['联系点', '活动日期', '毕节', '座谈会'])).toBe('simplified');
    // One traditional name in a simplified sheet does not make it traditional.
    expect(scriptOf(['联系点', '活动日期', '活动类型', '参加领导', '活动主题', '张三', '毕节', '座谈交流会议', '看望慰问老同志', '專'])).toBe('simplified');
    expect(scriptOf([])).toBe('simplified');
  });
});
