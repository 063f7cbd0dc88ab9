// `.csv` / `.txt` tables exported by other systems: the text's encoding (UTF-8 with or without a
// byte-order mark, UTF-16 with one, else GB18030/GBK or Big5 as chardet finds), then a small
// RFC 4180 parser (quotes, doubled quotes, line breaks inside quotes) with the separator found in
// the first lines: comma, tab, semicolon or |. Every cell stays text: shared/ reads dates and counts
// from text as it does from any cell.
import { analyse } from 'chardet';
import type { CellValue, Grid, SheetGrid } from '../../shared/types';
import { limitsOf, type ReadOptions } from './options';
import { damaged, tooLarge } from './refusals';

/** Encodings a non-UTF-8 Chinese table comes in, as chardet names them → the WHATWG label. */
const LEGACY_ENCODINGS: Record<string, string> = { GB18030: 'gb18030', Big5: 'big5' };
const DEFAULT_LEGACY = 'gb18030';

export function decodeText(bytes: Uint8Array): { text: string; encoding: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes), encoding: 'utf-16be' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // Not UTF-8: a legacy Chinese code page. chardet ranks the candidates on a sample.
    const sample = bytes.subarray(0, 64 * 1024);
    const best = analyse(sample).find((match) => LEGACY_ENCODINGS[match.name] !== undefined);
    const encoding = best ? LEGACY_ENCODINGS[best.name] : DEFAULT_LEGACY;
    return { text: new TextDecoder(encoding).decode(bytes), encoding };
  }
}

const SEPARATORS = [',', '\t', ';', '|'];

/** The separator that splits the first lines (outside quotes) most often and most evenly. */
export function detectSeparator(text: string): string {
  const lines = text.slice(0, 8192).split(/\r\n|\n|\r/).filter((l) => l.trim() !== '').slice(0, 10);
  let best = ',';
  let bestScore = 0;
  for (const sep of SEPARATORS) {
    const counts = lines.map((line) => line.replace(/"[^"]*"/g, '').split(sep).length - 1);
    const most = Math.max(0, ...counts);
    const score = most === 0 ? 0 : counts.filter((n) => n === most).length * 100 + most;
    if (score > bestScore) {
      best = sep;
      bestScore = score;
    }
  }
  return best;
}

/** RFC 4180 fields; a quote opens a quoted field only at the field's start (as Excel reads). */
export function parseDelimited(text: string, sep: string, onRow: (row: string[]) => void): void {
  const n = text.length;
  const sepCode = sep.charCodeAt(0);
  let row: string[] = [];
  let i = 0;
  while (i <= n) {
    if (i === n) {
      if (row.length > 0) onRow(row);
      break;
    }
    let field: string;
    if (text.charCodeAt(i) === 34) {
      let value = '';
      let from = ++i;
      for (;;) {
        const q = text.indexOf('"', from);
        if (q < 0) {
          value += text.slice(i);
          i = n;
          break;
        }
        if (text.charCodeAt(q + 1) === 34) {
          value += text.slice(i, q + 1);
          i = from = q + 2;
          continue;
        }
        value += text.slice(i, q);
        i = q + 1;
        break;
      }
      // Anything between the closing quote and the separator belongs to the field, as Excel keeps it.
      let end = i;
      while (end < n && text.charCodeAt(end) !== sepCode && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
      field = value + text.slice(i, end);
      i = end;
    } else {
      let end = i;
      while (end < n && text.charCodeAt(end) !== sepCode && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
      field = text.slice(i, end);
      i = end;
    }
    row.push(field);
    const c = text.charCodeAt(i);
    if (c === sepCode) {
      i++;
      if (i === n) {
        row.push('');
        onRow(row);
        break;
      }
    } else {
      onRow(row);
      row = [];
      if (c === 13 && text.charCodeAt(i + 1) === 10) i += 2;
      else i++;
      if (i >= n) break;
    }
  }
}

export function readCsvGrids(bytes: Uint8Array, name: string, options: ReadOptions = {}): SheetGrid[] {
  const limits = limitsOf(options);
  const { text } = decodeText(bytes);
  if (text.indexOf('\u0000') >= 0) throw damaged('binary content');
  const clean = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const grid: Grid = [];
  let cells = 0;
  parseDelimited(clean, detectSeparator(clean), (fields) => {
    const r = grid.length;
    if (r >= limits.rows) throw tooLarge(`超过 ${limits.rows} 行`, `more than ${limits.rows} rows`, { sheet: name, limit: limits.rows, reason: 'rows' });
    if (fields.length > limits.columns) throw tooLarge(`用到第 ${fields.length} 列`, `uses column ${fields.length}`, { sheet: name, limit: limits.columns, reason: 'columns' });
    const row: CellValue[] = [];
    fields.forEach((field, c) => {
      if (field === '') return;
      if (++cells > limits.cells) throw tooLarge(`超过 ${limits.cells} 个单元格`, `more than ${limits.cells} cells`, { sheet: name, limit: limits.cells, reason: 'cells' });
      options.onText?.(field.length, name, r, c);
      row[c] = field;
    });
    grid.push(row);
  });
  return [{ name, grid, merges: [], date1904: false, hidden: false, hiddenRows: [] }];
}
