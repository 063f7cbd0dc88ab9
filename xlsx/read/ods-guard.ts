// An .ods repeats rows and cells by attribute (`table:number-rows-repeated`, `…-columns-repeated`):
// a few bytes can stand for billions of cells, and SheetJS expands every repeated cell that holds
// a value (fuzzing found minutes-long reads). Counted here first, without expanding anything, so
// such a file is refused as too-large before SheetJS opens it.
import type { ReadLimits } from './options';
import { tooLarge } from './refusals';
import type { Zip } from './zip';

const PART = /<table:table-row\b([^>]*?)(\/?)>|<table:table-cell\b([^>]*?)(\/?)>|<\/table:table-row>|<table:table\b[^>]*>/g;
const REPEAT = (name: string) => new RegExp(`table:number-${name}-repeated\\s*=\\s*["'](\\d+)["']`);
const ROWS_REPEATED = REPEAT('rows');
const COLUMNS_REPEATED = REPEAT('columns');

export function guardOds(zip: Zip, limits: ReadLimits): void {
  const xml = zip.text('content.xml');
  if (xml === undefined) return;
  let cells = 0;
  let row = 0;
  let rowRepeat = 1;
  let col = 0;
  PART.lastIndex = 0;
  for (let m = PART.exec(xml); m; m = PART.exec(xml)) {
    const tag = m[0];
    if (tag.startsWith('<table:table ') || tag === '<table:table>') {
      row = 0;
    } else if (m[1] !== undefined) {
      rowRepeat = Number(ROWS_REPEATED.exec(m[1])?.[1] ?? 1);
      col = 0;
      if (m[2] === '/') row += rowRepeat;
    } else if (m[3] !== undefined) {
      const repeat = Number(COLUMNS_REPEATED.exec(m[3])?.[1] ?? 1);
      col += repeat;
      const holdsValue = m[4] !== '/' || m[3].includes('office:value-type');
      if (!holdsValue) continue;
      if (row + 1 > limits.rows) throw tooLarge(`超过 ${limits.rows} 行`, `more than ${limits.rows} rows`, { limit: limits.rows, reason: 'rows' });
      if (col > limits.columns) throw tooLarge(`用到第 ${col} 列`, `uses column ${col}`, { limit: limits.columns, reason: 'columns' });
      cells += repeat * rowRepeat;
      if (row + rowRepeat > limits.rows) throw tooLarge(`超过 ${limits.rows} 行`, `more than ${limits.rows} rows`, { limit: limits.rows, reason: 'rows' });
      if (cells > limits.cells) throw tooLarge(`超过 ${limits.cells} 个单元格`, `more than ${limits.cells} cells`, { limit: limits.cells, reason: 'cells' });
    } else {
      row += rowRepeat;
      rowRepeat = 1;
    }
  }
}
