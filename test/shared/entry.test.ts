import { DEFAULT_CAMPAIGN, entryCellValue } from '../../shared';

describe('entryCellValue', () => {
  it.each([
    ['liaisonPoint', '毕节', '民进贵州省毕节市工委'],
    ['liaisonPoint', '火星', '火星'],
    ['type', '召开座谈会', '座谈交流'],
    ['type', '春游', '春游'],
    ['participants', ' 25 ', 25],
    ['participants', '约25人', '约25人'],
    ['date', '3月15日', new Date(Date.UTC(2017, 2, 15))],
    ['date', '三月中旬', '三月中旬'],
    ['title', '  不忘合作初心 ', '不忘合作初心'],
    ['remarks', '   ', null],
  ] as const)('%s %j → %j', (field, text, value) => {
    expect(entryCellValue(field, text, DEFAULT_CAMPAIGN)).toEqual(value);
  });
});
