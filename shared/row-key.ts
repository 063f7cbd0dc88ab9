// Where a record or issue is: its row, and its sheet when the tracker spans several sheets (row 3
// of 2月 is not row 3 of 3月). Sheet names cannot hold ":", and a row is the text after the last.

export function rowKey(at: { sheet?: string; row: number }): string {
  return at.sheet === undefined ? String(at.row) : `${at.sheet}:${at.row}`;
}
