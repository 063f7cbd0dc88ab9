// What the check section times: the check as shipped, the check as it was (exceljs loading the
// whole workbook), the floor (zlib-unzip the sheet and its strings, scan the XML for cells), and
// the peers (SheetJS dense, exceljs's streaming reader). Each is a function of the file's bytes;
// peak.ts runs one of them alone in a fresh process to measure its peak memory.
import * as XLSX from '@e965/xlsx';
import * as ExcelJS from 'exceljs';
import { Readable } from 'node:stream';
import { inflateRawSync } from 'node:zlib';
import { checkTracker, DEFAULT_CAMPAIGN, findTracker } from '../shared';
import { checkWorkbook, workbookGrids } from '../xlsx';
import { nodeInflate } from '../xlsx/read/inflate-node';
import { Zip } from '../xlsx/read/zip';

export type Contender = (data: Uint8Array) => Promise<unknown> | unknown;

const FILE = { file: 'bench.xlsx', asOf: '2017-12-31' as const };

/** Unzip the worksheet and shared strings with zlib and count the cells: no reader does less. */
export const floor: Contender = (data) => {
  const zip = new Zip(data, (bytes, size) => inflateRawSync(bytes, { maxOutputLength: size + 1 }));
  let cells = 0;
  for (const part of ['xl/sharedStrings.xml', 'xl/worksheets/sheet1.xml']) {
    const xml = zip.text(part) ?? '';
    for (let at = xml.indexOf('<c '); at >= 0; at = xml.indexOf('<c ', at + 3)) cells++;
  }
  return cells;
};

export const check: Contender = (data) => checkWorkbook(data, DEFAULT_CAMPAIGN, { ...FILE, read: { inflate: nodeInflate } });

/** The check before the lean reader: exceljs loads the whole workbook, then the same core. */
export const checkBefore: Contender = async (data) => {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data as unknown as ExcelJS.Buffer);
  const read = findTracker(workbookGrids(workbook), DEFAULT_CAMPAIGN);
  if (!read) throw new Error('no tracker');
  return checkTracker(read, DEFAULT_CAMPAIGN, FILE);
};

export const sheetJsDense: Contender = (data) => XLSX.read(data, { type: 'buffer', dense: true });

export const exceljsStream: Contender = async (data) => {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([Buffer.from(data)]), { sharedStrings: 'cache', styles: 'cache', worksheets: 'emit' });
  let rows = 0;
  for await (const sheet of reader) for await (const _row of sheet as AsyncIterable<unknown>) rows++;
  return rows;
};

export const CONTENDERS: Record<string, Contender> = { floor, check, checkBefore, sheetJsDense, exceljsStream };
