// Crafted files for the reading layer's refusals and fuzzing: OLE containers built with SheetJS's
// CFB writer, zips with test/support/zip.ts, the parts written by hand.
import * as XLSX from '@e965/xlsx';
import { makeZip } from '../support/zip';

function ole(streams: Record<string, Uint8Array>): Uint8Array {
  const cfb = XLSX.CFB.utils.cfb_new();
  for (const [name, data] of Object.entries(streams)) XLSX.CFB.utils.cfb_add(cfb, `/${name}`, data);
  return new Uint8Array(XLSX.CFB.write(cfb, { type: 'array' }) as ArrayBuffer);
}

/** What Excel saves for an .xlsx with an opening password: an OLE file holding the encrypted package. */
export function encryptedOoxml(): Uint8Array {
  return ole({ EncryptionInfo: new Uint8Array(600).fill(4), EncryptedPackage: new Uint8Array(5000).fill(7) });
}

export function wordDoc(): Uint8Array {
  return ole({ WordDocument: new Uint8Array(5000).fill(1) });
}

const CONTENT_TYPES = '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>';
const ROOT_RELS =
  '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export interface CraftedSheet {
  name: string;
  /** The worksheet's XML; a chart sheet when `chart`. */
  xml?: string;
  chart?: boolean;
  state?: string;
}

/** A hand-written .xlsx: sheets, optional shared strings and styles, workbook properties. */
export function craftedXlsx(sheets: CraftedSheet[], extra: { sharedStrings?: string; styles?: string; workbookPr?: string } = {}): Uint8Array {
  const rels = sheets
    .map((s, i) =>
      s.chart
        ? `<Relationship Id="rId${i + 1}" Type="${REL}/chartsheet" Target="chartsheets/sheet${i + 1}.xml"/>`
        : `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
    )
    .join('');
  const extraRels =
    (extra.sharedStrings ? `<Relationship Id="rS" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` : '') +
    (extra.styles ? `<Relationship Id="rT" Type="${REL}/styles" Target="styles.xml"/>` : '');
  const book = `<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${REL}">${extra.workbookPr ?? ''}<sheets>${sheets
    .map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="rId${i + 1}"/>`)
    .join('')}</sheets></workbook>`;
  const entries = [
    { name: '[Content_Types].xml', data: Buffer.from(CONTENT_TYPES) },
    { name: '_rels/.rels', data: Buffer.from(ROOT_RELS) },
    { name: 'xl/workbook.xml', data: Buffer.from(book) },
    { name: 'xl/_rels/workbook.xml.rels', data: Buffer.from(`<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}${extraRels}</Relationships>`) },
    ...sheets.map((s, i) =>
      s.chart
        ? { name: `xl/chartsheets/sheet${i + 1}.xml`, data: Buffer.from('<?xml version="1.0"?><chartsheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>') }
        : { name: `xl/worksheets/sheet${i + 1}.xml`, data: Buffer.from(s.xml ?? sheetXml('')) },
    ),
  ];
  if (extra.sharedStrings) entries.push({ name: 'xl/sharedStrings.xml', data: Buffer.from(extra.sharedStrings) });
  if (extra.styles) entries.push({ name: 'xl/styles.xml', data: Buffer.from(extra.styles) });
  return new Uint8Array(makeZip(entries));
}

export function sheetXml(sheetData: string, after = ''): string {
  return `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${sheetData}</sheetData>${after}</worksheet>`;
}

export function chartOnlyXlsx(): Uint8Array {
  return craftedXlsx([{ name: '图表1', chart: true }]);
}
