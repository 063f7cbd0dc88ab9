// Continuation rows of a table pasted from Word (issue 10): merging them into the record above never
// loses text and never makes one record of two rows that both have a date.
import fc from 'fast-check';
import { DEFAULT_CAMPAIGN, fillMergedDown, readTracker, type CellValue, type TrackerRecord } from '../../shared';
import { columnLetter } from '../../shared/columns';
import { appendContinuation, continuesRecord, MergeCover } from '../../shared/continuation';

const HEADER = ['活动日期', '活动类型', '活动主题', '参加领导', '备注'];
// The fields of the described columns 2, 3, 4.
const FIELD_OF: Record<number, keyof TrackerRecord> = { 2: 'title', 3: 'leader', 4: 'remarks' };
const TYPES = ['专题讲座', '座谈会', '看望老同志'];
const WORDS = ['学习心得', '交流发言', '老党员', '青年会员', '各县区负责人', '张秘书长'];

interface RowSpec {
  date: string | null;
  type: string | null;
  /** Under the record above, its date and type cells merged over this row where it has none. */
  merged: boolean;
  texts: (string | null)[];
}

const rowSpec = fc.record({
  date: fc.option(fc.integer({ min: 1, max: 28 }).map((d) => `2017-03-${String(d).padStart(2, '0')}`), { freq: 2 }),
  type: fc.option(fc.constantFrom(...TYPES), { freq: 2 }),
  merged: fc.boolean(),
  texts: fc.array(fc.option(fc.constantFrom(...WORDS), { freq: 2 }), { minLength: 3, maxLength: 3 }),
});

/** The sheet: header, then rows; merges over continuation rows as Word leaves them. No row is
 *  blank (a blank line ends a record: text under it is not a continuation). */
function sheetOf(specs: RowSpec[]): { grid: CellValue[][]; merges: string[]; rows: RowSpec[] } {
  const rows = specs.map((s, i) => {
    const first = i === 0;
    // Text unique per cell, so each can be found again.
    const texts: (string | null)[] = s.texts.map((t, c) => (t === null ? null : `${t}${i}${c}`));
    return { date: first ? (s.date ?? '2017-03-01') : s.date, type: s.type, merged: !first && s.merged, texts };
  });
  const merges: string[] = [];
  for (let i = 0; i < rows.length; ) {
    let end = i;
    while (end + 1 < rows.length && rows[end + 1].merged) end++;
    // A cell of its own (a date under a merged type) stops the merge in its column.
    for (const c of [0, 1]) {
      let last = i;
      while (last < end && (c === 0 ? rows[last + 1].date : rows[last + 1].type) === null) last++;
      if (last > i) merges.push(`${columnLetter(c)}${i + 2}:${columnLetter(c)}${last + 2}`);
    }
    i = end + 1;
  }
  const cover = new MergeCover(merges);
  rows.forEach((row, i) => {
    const covered = [0, 1].some((c) => cover.mergedFrom(i + 1, c) >= 0);
    if (row.date === null && row.type === null && !row.texts.some((t) => t !== null) && !covered) row.texts[0] = `${WORDS[0]}${i}`;
  });
  const grid: CellValue[][] = [HEADER, ...rows.map((s) => [s.date, s.type, ...s.texts])];
  return { grid: fillMergedDown(grid.map((r) => r.slice()), merges), merges, rows };
}

describe('continuation rows (properties)', () => {
  const specs = fc.array(rowSpec, { minLength: 1, maxLength: 12 });

  test('never loses text', () => {
    fc.assert(
      fc.property(specs, (s) => {
        const { grid, merges, rows } = sheetOf(s);
        const read = readTracker(grid, DEFAULT_CAMPAIGN, { sheet: '毕节', merges })!;
        rows.forEach((row, i) =>
          row.texts.forEach((t, k) => {
            if (t === null) return;
            const field = FIELD_OF[k + 2];
            expect(read.records.some((rec) => String(rec[field] ?? '').split('\n').includes(t))).toBe(true);
          }),
        );
      }),
      { numRuns: 300 },
    );
  });

  test('never merges two rows that both have a date', () => {
    fc.assert(
      fc.property(specs, (s) => {
        const { grid, merges, rows } = sheetOf(s);
        const read = readTracker(grid, DEFAULT_CAMPAIGN, { sheet: '毕节', merges })!;
        const recordRows = new Set(read.records.map((r) => r.row));
        rows.forEach((row, i) => {
          if (row.date !== null) expect(recordRows.has(i + 2)).toBe(true);
        });
      }),
      { numRuns: 300 },
    );
  });
});

describe('continuation rows (rules)', () => {
  const cols = { key: [0, 1], text: [2, 3, 4] };
  const record = { row: 1, last: 1, cells: ['2017-03-01', '专题讲座', '讲座', '罗副主席', null] as CellValue[] };
  const cases: { label: string; row: CellValue[]; r?: number; merges?: string[]; describesOnly?: boolean; continues: boolean }[] = [
    { label: 'merged over, a second line of its own', row: ['2017-03-01', '专题讲座', null, '张秘书长', null], merges: ['A2:A3', 'B2:B3'], continues: true },
    { label: 'merged over, nothing of its own', row: ['2017-03-01', '专题讲座', null, null, null], merges: ['A2:A3', 'B2:B3'], continues: true },
    { label: 'a date of its own', row: ['2017-03-02', null, null, '张秘书长', null], continues: false },
    { label: 'the same date typed again (no merge)', row: ['2017-03-01', null, '讲座', null, null], continues: false },
    { label: 'a type of its own under a merged date', row: ['2017-03-01', '座谈会', '座谈', null, null], merges: ['A2:A3'], continues: false },
    { label: 'a second line of a field the record has', row: [null, null, '（续）', null, null], continues: true },
    { label: 'text in a field the record has blank', row: [null, null, null, null, '另一活动'], continues: false },
    { label: 'only a remark, nothing else to make it a record', row: [null, null, null, null, '补充'], describesOnly: true, continues: true },
    { label: 'a serial number of its own', row: [null, null, '（续）', null, null, 2], continues: false },
    { label: 'not right under the record', row: [null, null, '（续）', null, null], r: 3, continues: false },
    { label: 'under a merge that began above the record, a text of its own', row: ['2017-03-01', null, null, null, '另一'], merges: ['A1:A3'], continues: false },
    { label: 'only what a merge from above the record repeats', row: ['2017-03-01', null, null, null, null], merges: ['A1:A3'], continues: true },
  ];
  test.each(cases)('$label', ({ row, r = 2, merges = [], describesOnly = false, continues }) => {
    expect(continuesRecord(row, r, record, cols, new MergeCover(merges), describesOnly)).toBe(continues);
  });

  test('appending keeps both texts, on separate lines, and takes only what the row has of its own', () => {
    const cover = new MergeCover(['A2:A3']);
    expect(appendContinuation(['2017-03-01', '讲座', null], ['2017-03-01', '（续）', '王五'], 2, cover)).toEqual(['2017-03-01', '讲座\n（续）', '王五']);
  });
});
