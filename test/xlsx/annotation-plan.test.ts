import { memosFromRows, memosToRows, planAnnotations, type AnnotationMemo, type CellLook } from '../../shared/annotation-plan';
import type { CellAnnotation } from '../../shared';

const RED = '#FFC7CE';
const YELLOW = '#FFEB9C';
const fillFor = (a: CellAnnotation): string => (a.severity === 'error' ? RED : YELLOW);

function lookFrom(cells: Record<string, Partial<CellLook>>): (cell: string) => CellLook {
  return (cell) => ({ fill: cells[cell]?.fill ?? null, note: cells[cell]?.note ?? null });
}

const memo = (cell: string, over: Partial<AnnotationMemo> = {}): AnnotationMemo => ({
  sheet: '台账',
  cell,
  originalFill: null,
  originalNote: null,
  paintedFill: RED,
  paintedNote: '日期错误',
  ...over,
});

describe('planAnnotations', () => {
  it('paints new problem cells and remembers what they had', () => {
    const plan = planAnnotations({
      sheet: '台账',
      previous: [],
      annotations: [{ cell: 'B4', severity: 'error', note: '日期错误' }, { cell: 'D4', severity: 'warning', note: '缺少领导' }],
      fillFor,
      lookAt: lookFrom({ D4: { fill: '#00FF00', note: '用户批注' } }),
    });
    expect(plan.paint).toEqual([
      { cell: 'B4', fill: RED, note: '日期错误' },
      { cell: 'D4', fill: YELLOW, note: '缺少领导' },
    ]);
    expect(plan.restore).toEqual([]);
    expect(plan.remember).toEqual([
      memo('B4'),
      memo('D4', { originalFill: '#00FF00', originalNote: '用户批注', paintedFill: YELLOW, paintedNote: '缺少领导' }),
    ]);
  });

  it('restores cells whose problems are gone, but only what still shows our paint', () => {
    const plan = planAnnotations({
      sheet: '台账',
      previous: [memo('B4', { originalFill: '#00FF00' }), memo('C5'), memo('D6', { originalNote: '旧批注' })],
      annotations: [],
      fillFor,
      // B4 untouched since; C5 re-coloured by the user; D6's note rewritten by the user.
      lookAt: lookFrom({ B4: { fill: RED, note: '日期错误' }, C5: { fill: '#123456', note: '日期错误' }, D6: { fill: RED, note: '我改过' } }),
    });
    expect(plan.restore).toEqual([
      { cell: 'B4', fill: '#00FF00', note: null },
      { cell: 'C5', note: null },
      { cell: 'D6', fill: null },
    ]);
    expect(plan.paint).toEqual([]);
    expect(plan.remember).toEqual([]);
  });

  it('keeps the original under a cell annotated twice, and a user fill set in between becomes the original', () => {
    const plan = planAnnotations({
      sheet: '台账',
      previous: [memo('B4', { originalFill: '#00FF00' }), memo('C4', { originalFill: '#00FF00' })],
      annotations: [{ cell: 'B4', severity: 'error', note: '日期错误' }, { cell: 'C4', severity: 'warning', note: '新' }],
      fillFor,
      lookAt: lookFrom({ B4: { fill: RED, note: '日期错误' }, C4: { fill: '#0000FF', note: '日期错误' } }),
    });
    expect(plan.remember.find((m) => m.cell === 'B4')?.originalFill).toBe('#00FF00');
    expect(plan.remember.find((m) => m.cell === 'C4')?.originalFill).toBe('#0000FF');
    expect(plan.remember.find((m) => m.cell === 'C4')?.originalNote).toBeNull();
  });

  it("leaves other sheets' memos alone and annotates a cell once", () => {
    const other = memo('A1', { sheet: '二月' });
    const plan = planAnnotations({
      sheet: '台账',
      previous: [other],
      annotations: [{ cell: 'B4', severity: 'error', note: 'a' }, { cell: 'B4', severity: 'warning', note: 'b' }],
      fillFor,
      lookAt: lookFrom({}),
    });
    expect(plan.remember).toEqual([other, memo('B4', { paintedNote: 'a' })]);
    expect(plan.paint).toHaveLength(1);
  });

  it('round-trips memos through state-sheet rows, skipping junk', () => {
    const memos = [memo('B4', { originalFill: 'json:{"type":"pattern"}', originalNote: '=SUM(1)' }), memo('AA10')];
    const rows: unknown[][] = [...memosToRows(memos), ['台账', 'not a cell', '', '', RED, ''], [null, null]];
    expect(memosFromRows(rows)).toEqual(memos);
  });
});
