import { parseColumnMap } from '../../shared';

describe('parseColumnMap', () => {
  it('accepts known fields mapped to column letters', () => {
    expect(parseColumnMap({ date: 'C', liaisonPoint: 'AB' })).toEqual({ ok: true, columns: { date: 'C', liaisonPoint: 'AB' } });
  });

  it.each([
    [null, 'columns'],
    [['C'], 'columns'],
    [{ date: 'c' }, 'columns.date'],
    [{ date: 'ABCD' }, 'columns.date'],
    [{ weather: 'C' }, 'columns.weather'],
    [{ date: 3 }, 'columns.date'],
  ])('names the bad part of %j', (value, path) => {
    expect(parseColumnMap(value)).toEqual({ ok: false, path });
  });
});
