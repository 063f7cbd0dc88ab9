import { HIGHLIGHT, type CellAnnotation } from '../../shared';
import { ANNOTATION_STATE_SHEET } from '../../shared/annotation-plan';
import { applyAnnotations, fillToken, noteText } from '../../xlsx';
import { bytesOf, loaded, workbookOf } from './workbooks';

const ERROR_FILL = (HIGHLIGHT.error.fill as string).toUpperCase();
const WARNING_FILL = (HIGHLIGHT.warning.fill as string).toUpperCase();
const USER_FILL = '#92D050';

async function annotateAndReload(data: Uint8Array, annotations: CellAnnotation[]): Promise<Uint8Array> {
  const workbook = await loaded(data);
  applyAnnotations(workbook, '台账', annotations);
  return bytesOf(workbook);
}

async function looks(data: Uint8Array, cells: string[]): Promise<Record<string, { fill: string | null; note: string | null }>> {
  const sheet = (await loaded(data)).getWorksheet('台账');
  if (!sheet) throw new Error('no 台账');
  return Object.fromEntries(
    cells.map((c) => [c, { fill: fillToken(sheet.getCell(c).style.fill), note: noteText(sheet.getCell(c).note) }]),
  );
}

describe('applyAnnotations on a real workbook', () => {
  const original = workbookOf([
    {
      name: '台账',
      rows: [['联系点', '活动日期', '活动类型'], ['海淀', '2016-01-01', '植树'], ['海淀', '2017-01-01', '讲座']],
      fills: { A2: USER_FILL, C2: USER_FILL, A3: USER_FILL },
    },
  ]);

  it('paints, remembers in a very hidden sheet, then restores on the next check', async () => {
    const first = await annotateAndReload(await bytesOf(original), [
      { cell: 'B2', severity: 'error', note: '日期不在活动期间内\n第二条' },
      { cell: 'C2', severity: 'warning', note: '=类型无法识别' },
    ]);
    expect(await looks(first, ['A2', 'B2', 'C2', 'A3'])).toEqual({
      A2: { fill: USER_FILL, note: null },
      B2: { fill: ERROR_FILL, note: '日期不在活动期间内\n第二条' },
      C2: { fill: WARNING_FILL, note: '=类型无法识别' },
      A3: { fill: USER_FILL, note: null },
    });
    const state = (await loaded(first)).getWorksheet(ANNOTATION_STATE_SHEET);
    expect(state?.state).toBe('veryHidden');

    // Fixed: no more problems. Our paint goes, the user's fills stay.
    const second = await annotateAndReload(first, []);
    expect(await looks(second, ['A2', 'B2', 'C2', 'A3'])).toEqual({
      A2: { fill: USER_FILL, note: null },
      B2: { fill: null, note: null },
      C2: { fill: USER_FILL, note: null },
      A3: { fill: USER_FILL, note: null },
    });
    expect((await loaded(second)).getWorksheet(ANNOTATION_STATE_SHEET)).toBeUndefined();
  });

  it('does not undo a fill the user set on an annotated cell in between', async () => {
    const first = await loaded(
      await annotateAndReload(await bytesOf(original), [{ cell: 'B2', severity: 'error', note: '日期错误' }]),
    );
    first.getWorksheet('台账')!.getCell('B2').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF0070C0' } };
    const second = await annotateAndReload(await bytesOf(first), []);
    expect((await looks(second, ['B2'])).B2).toEqual({ fill: '#0070C0', note: null });
  });

  it('does not change the style of other cells sharing the style of an annotated one', async () => {
    const first = await annotateAndReload(await bytesOf(original), [{ cell: 'A2', severity: 'error', note: 'x' }]);
    expect(await looks(first, ['A2', 'A3'])).toMatchObject({ A2: { fill: ERROR_FILL }, A3: { fill: USER_FILL } });
  });
});
