import { cellAddress, columnIndex, columnLetter, normalizeText, sanitizeCellText } from '../../shared';

describe('normalizeText', () => {
  test.each<[string, string]>([
    ['聯繫點', '联系点'],
    ['聯(lián)系點', '联系点'],
    ['畢節(jié)', '毕节'],
    ['畢節（jié）', '毕节'],
    ['區(qū)', '区'],
    ['ＡＢＣ１２３', 'abc123'],
    ['海　淀　区', '海淀区'],
    [' a\tb\nc ', 'abc'],
    ['（按省级）', '(按省级)'],
    ['Beijing-Haidian', 'beijing-haidian'],
    ['陜西', '陕西'],
    ['zero\u200bwidth', 'zerowidth'],
  ])('%p → %p', (input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });
  test('keeps parentheses that are not pinyin', () => {
    expect(normalizeText('民进(中央)')).toBe('民进(中央)');
    expect(normalizeText('报告(2)')).toBe('报告(2)');
  });
});

describe('A1 addressing', () => {
  test.each<[number, string]>([
    [0, 'A'],
    [25, 'Z'],
    [26, 'AA'],
    [51, 'AZ'],
    [52, 'BA'],
    [701, 'ZZ'],
    [702, 'AAA'],
    [16383, 'XFD'],
  ])('%i ↔ %s', (i, letter) => {
    expect(columnLetter(i)).toBe(letter);
    expect(columnIndex(letter)).toBe(i);
    expect(columnIndex(letter.toLowerCase())).toBe(i);
  });
  test('cellAddress', () => {
    expect(cellAddress(6, 'C')).toBe('C6');
    expect(cellAddress(6, 2)).toBe('C6');
    expect(cellAddress(1, 'aa')).toBe('AA1');
  });
  test('rejects nonsense', () => {
    expect(() => columnLetter(-1)).toThrow(RangeError);
    expect(() => columnIndex('1')).toThrow(RangeError);
  });
});

describe('sanitizeCellText', () => {
  test.each<[string, string]>([
    ['=SUM(A1)', "'=SUM(A1)"],
    ['+86 123', "'+86 123"],
    ['-5', "'-5"],
    ['@user', "'@user"],
    ['＝1+1', "'＝1+1"],
    ['＋1', "'＋1"],
    ['－1', "'－1"],
    ['＠x', "'＠x"],
    ['\t=cmd', "'\t=cmd"],
    ['\r=cmd', "'\r=cmd"],
    ['  =x', "'  =x"],
    ['海淀区', '海淀区'],
    ['a=b', 'a=b'],
    ['', ''],
  ])('%p → %p', (input, expected) => {
    expect(sanitizeCellText(input)).toBe(expected);
  });
});
