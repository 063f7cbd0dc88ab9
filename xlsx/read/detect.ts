// What a file is, from its bytes alone (never its name): the reader that can read it, or the
// refusal that says why none can. Cheap: only a zip's directory or an OLE file's directory is read.
import { oleStreamNames, OLE_MAGIC } from './ole';
import { refuse } from './refusals';
import { workbookPartOf } from './xlsx-lean';
import { Zip, type InflateRaw } from './zip';

export type Sniffed =
  | { format: 'xlsx'; zip: Zip; workbookPart: string }
  | { format: 'ods'; zip: Zip }
  | { format: 'xlsb' | 'xls' | 'html' }
  | { format: 'csv' };

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP_MAGIC = [0x50, 0x4b, 0x05, 0x06];
const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46];

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return bytes.byteLength >= magic.length && magic.every((b, i) => bytes[i] === b);
}

/** OLE streams that mark each kind of compound file. */
const ENCRYPTED_STREAMS = ['EncryptedPackage', 'EncryptionInfo'];
const WORKBOOK_STREAMS = ['Workbook', 'Book', 'WORKBOOK', 'BOOK'];

/**
 * SheetJS inflates zips with its own code, which can spin for minutes on a damaged deflate stream
 * (found by fuzzing .ods). Every part is inflated here first, under our caps: only a zip whose
 * parts all inflate to their declared sizes reaches it.
 */
function verified(zip: Zip, format: 'ods' | 'xlsb'): Sniffed {
  for (const name of zip.entries.keys()) if (!name.endsWith('/')) zip.read(name);
  return format === 'ods' ? { format, zip } : { format };
}

function sniffZip(bytes: Uint8Array, inflate: InflateRaw, unzippedBytes: number | undefined): Sniffed {
  const zip = new Zip(bytes, inflate, unzippedBytes);
  const workbookPart = workbookPartOf(zip);
  if (workbookPart !== undefined) return { format: 'xlsx', zip, workbookPart };
  if (zip.has('xl/workbook.bin')) return verified(zip, 'xlsb');
  const mimetype = zip.has('mimetype') ? zip.text('mimetype')?.trim() : undefined;
  if (mimetype?.startsWith('application/vnd.oasis.opendocument.spreadsheet') || (mimetype === undefined && zip.has('content.xml'))) return verified(zip, 'ods');
  if (zip.has('word/document.xml') || mimetype?.startsWith('application/vnd.oasis.opendocument.text')) throw refuse('wordDocument');
  throw refuse('foreign');
}

/** Text a person or another system wrote as a table: no NUL bytes (UTF-16 with its mark aside). */
function looksLikeText(bytes: Uint8Array): boolean {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return true;
  const head = bytes.subarray(0, 4096);
  for (let i = 0; i < head.length; i++) if (head[i] === 0) return false;
  return !startsWith(bytes, PDF_MAGIC);
}

/** An "xls" that is an HTML table or SpreadsheetML 2003 (what many office systems export). */
function looksLikeMarkup(bytes: Uint8Array): boolean {
  const head = new TextDecoder('utf-8').decode(bytes.subarray(0, 512)).replace(/^\ufeff/, '').trimStart().toLowerCase();
  return head.startsWith('<html') || head.startsWith('<!doctype html') || head.startsWith('<table') || (head.startsWith('<?xml') && head.includes('urn:schemas-microsoft-com:office:spreadsheet'));
}

export function sniff(bytes: Uint8Array, inflate: InflateRaw, unzippedBytes?: number): Sniffed {
  if (bytes.byteLength === 0) throw refuse('empty');
  if (startsWith(bytes, ZIP_MAGIC) || startsWith(bytes, EMPTY_ZIP_MAGIC)) return sniffZip(bytes, inflate, unzippedBytes);
  if (startsWith(bytes, OLE_MAGIC)) {
    const streams = oleStreamNames(bytes);
    if (streams.some((s) => ENCRYPTED_STREAMS.includes(s))) throw refuse('encrypted');
    if (streams.some((s) => WORKBOOK_STREAMS.includes(s))) return { format: 'xls' };
    if (streams.includes('WordDocument')) throw refuse('wordDocument');
    throw refuse('foreign');
  }
  if (!looksLikeText(bytes)) throw refuse('foreign');
  if (looksLikeMarkup(bytes)) return { format: 'html' };
  return { format: 'csv' };
}
