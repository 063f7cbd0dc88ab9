import { parseDate, fromExcelSerial, toExcelSerial } from '../../shared';
import type { CellValue } from '../../shared';
import { utc } from './helpers';

describe('parseDate reads every form trackers use', () => {
  test.each<[string, CellValue, string]>([
    ['exceljs Date (UTC midnight)', utc(2017, 3, 15), '2017-03-15'],
    ['Date with a time of day', new Date(Date.UTC(2017, 2, 15, 10, 30)), '2017-03-15'],
    ['Date a millisecond before midnight (float error)', new Date(Date.UTC(2017, 2, 15) - 1), '2017-03-15'],
    ['serial number', 42809, '2017-03-15'],
    ['serial with a time fraction', 42809.75, '2017-03-15'],
    ['serial in text', '42809', '2017-03-15'],
    ['yyyymmdd number', 20170315, '2017-03-15'],
    ['yyyymmdd text', '20170315', '2017-03-15'],
    ['dots', '2017.3.15', '2017-03-15'],
    ['ISO', '2017-03-15', '2017-03-15'],
    ['slashes', '2017/3/15', '2017/3/15'.replace(/\//g, '-').replace('-3-', '-03-')],
    ['年月日', '2017年3月15日', '2017-03-15'],
    ['年月日 with spaces', ' 2017 年 3 月 15 日 ', '2017-03-15'],
    ['年月号', '2017年3月15号', '2017-03-15'],
    ['full-width digits', '２０１７年３月１５日', '2017-03-15'],
    ['full-width punctuation', '２０１７．３．１５', '2017-03-15'],
    ['Chinese numerals', '二〇一七年三月十五日', '2017-03-15'],
    ['Chinese numerals, 二十三日', '二〇一七年十二月二十三日', '2017-12-23'],
    ['with a time', '2017-03-15 10:00', '2017-03-15'],
    ['range of days', '2017年3月15日-16日', '2017-03-15'],
    ['range with 至', '2017年3月15日至3月17日', '2017-03-15'],
    ['weekday after', '2017年3月15日（星期三）', '2017-03-15'],
    ['month and day with the default year', '3月15日', '2017-03-15'],
    ['m.d with the default year', '3.15', '2017-03-15'],
    ['month-day range', '3月15日-16日', '2017-03-15'],
    ['two-digit year', '17年3月15日', '2017-03-15'],
    ['day-first when unambiguous', '15/3/2017', '2017-03-15'],
    ['month-first when unambiguous', '3/15/2017', '2017-03-15'],
    ['1900 bug: serial 61 is 1900-03-01', 61, ''],
  ])('%s', (_, value, expected) => {
    const result = parseDate(value, { defaultYear: 2017 });
    if (expected === '') expect(result).toEqual({ ok: false, reason: 'unreadable' });
    else expect(result).toEqual({ ok: true, date: expected });
  });

  test.each<[string, CellValue]>([
    ['null', null],
    ['undefined', undefined],
    ['empty text', ''],
    ['spaces and an ideographic space', ' \u3000 '],
  ])('missing: %s', (_, value) => {
    expect(parseDate(value)).toEqual({ ok: false, reason: 'missing' });
  });

  test.each<[string, CellValue]>([
    ['no day', '2017年3月'],
    ['words', '三月中旬'],
    ['February 30', '2017-02-30'],
    ['month 13', '2017-13-01'],
    ['ambiguous d/m/y', '3/4/2017'],
    ['month-day without a default year', '3月15日'],
    ['small number', 12],
    ['negative number', -5],
    ['huge number', 1e12],
    ['NaN', Number.NaN],
    ['invalid Date', new Date(Number.NaN)],
    ['boolean', true],
    ['year only', '2017'],
  ])('unreadable: %s', (_, value) => {
    expect(parseDate(value)).toEqual({ ok: false, reason: 'unreadable' });
  });
});

describe('Excel serials', () => {
  test('1900 date system, after the phantom 1900-02-29', () => {
    expect(fromExcelSerial(42809)).toEqual({ ok: true, date: '2017-03-15' });
    expect(fromExcelSerial(43100)).toEqual({ ok: true, date: '2017-12-31' });
    expect(fromExcelSerial(42736)).toEqual({ ok: true, date: '2017-01-01' });
  });
  test('round-trips with toExcelSerial', () => {
    for (const d of ['1950-01-01', '2000-02-29', '2017-03-15', '2099-12-31']) {
      expect(fromExcelSerial(toExcelSerial(d))).toEqual({ ok: true, date: d });
    }
  });
  test('only 1950–2100 is plausible', () => {
    expect(fromExcelSerial(toExcelSerial('1949-12-31')).ok).toBe(false);
    expect(fromExcelSerial(toExcelSerial('2101-01-01')).ok).toBe(false);
  });
});
