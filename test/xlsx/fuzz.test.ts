// Crafted and mutated files never crash or hang the reading layer: every outcome is grids or a
// WorkbookError. (Parsers of legacy formats run on untrusted uploads.)
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as fc from 'fast-check';
import { readWorkbookGrids, WorkbookError } from '../../xlsx';
import { FORMATS_DIR } from '../fixtures/formats/make';
import { makeZip } from '../support/zip';
import { craftedXlsx, sheetXml } from './crafted';

async function outcome(bytes: Uint8Array, limits?: object): Promise<'grids' | string> {
  try {
    await readWorkbookGrids(bytes, limits ? { limits } : {});
    return 'grids';
  } catch (error) {
    if (error instanceof WorkbookError) return error.code;
    throw error;
  }
}

const FIXTURES = ['tracker.xlsx', 'tracker.xls', 'tracker.ods', 'tracker-gbk.csv'].map((f) => [f, new Uint8Array(readFileSync(path.join(FORMATS_DIR, f)))] as const);

describe.each(FIXTURES)('mutations of %s', (_name, original) => {
  it('truncated anywhere: grids or a WorkbookError', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: original.length }), async (cut) => {
        expect(typeof (await outcome(original.slice(0, cut)))).toBe('string');
      }),
      { numRuns: 40 },
    );
  });

  it('bytes overwritten: grids or a WorkbookError', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.nat(original.length - 1), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }), async (edits) => {
        const bytes = original.slice();
        for (const [at, value] of edits) bytes[at] = value;
        expect(typeof (await outcome(bytes))).toBe('string');
      }),
      { numRuns: 40 },
    );
  });
});

describe('crafted workbooks', () => {
  it('a cell at Excel’s last row and column reads; one past the limits is too-large', async () => {
    const last = craftedXlsx([{ name: 'S', xml: sheetXml('<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>', '<mergeCells><mergeCell ref="B2:XFD3"/></mergeCells>') }]);
    const [sheet] = await readWorkbookGrids(last);
    expect(sheet.grid.length).toBe(1_048_576);
    expect(sheet.grid[1_048_575][16_383]).toBe(1);
    const past = craftedXlsx([{ name: 'S', xml: sheetXml('<row r="2000000"><c r="A2000000"><v>1</v></c></row>') }]);
    expect(await outcome(past)).toBe('too-large');
    expect(await outcome(craftedXlsx([{ name: 'S', xml: sheetXml('<row r="5"><c r="A5"><v>1</v></c></row>') }]), { rows: 4 })).toBe('too-large');
  });

  it('a merge over the whole sheet with a value fills only the rows that exist', async () => {
    const data = craftedXlsx([{ name: 'S', xml: sheetXml('<row r="1"><c r="A1"><v>7</v></c></row><row r="3"><c r="B3"><v>8</v></c></row>', '<mergeCells><mergeCell ref="A1:A999999999"/></mergeCells>') }]);
    const [sheet] = await readWorkbookGrids(data);
    expect(sheet.merges).toEqual([]);
    expect(sheet.grid.length).toBe(3);
  });

  it('deep nesting and a long rich-text run read as text', async () => {
    const deep = `${'<r>'.repeat(50_000)}<t>深</t>${'</r>'.repeat(50_000)}`;
    const xml = sheetXml(`<row r="1"><c r="A1" t="inlineStr"><is>${deep}</is></c></row>`);
    const [sheet] = await readWorkbookGrids(craftedXlsx([{ name: 'S', xml }]));
    expect(sheet.grid[0][0]).toBe('深');
  });

  it('many sheets read', async () => {
    const sheets = Array.from({ length: 600 }, (_, i) => ({ name: `S${i}`, xml: sheetXml(`<row r="1"><c r="A1"><v>${i}</v></c></row>`) }));
    const grids = await readWorkbookGrids(craftedXlsx(sheets));
    expect(grids).toHaveLength(600);
    expect(grids[599].grid[0][0]).toBe(599);
  });

  it('a part that lies about its size, or claims gigabytes, is refused', async () => {
    const honest = craftedXlsx([{ name: 'S', xml: sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>') }]);
    expect(await outcome(honest)).toBe('grids');
    const big = Buffer.from(sheetXml(`<row r="1"><c r="A1"><v>${'1'.repeat(100_000)}</v></c></row>`));
    const lying = makeZip([
      { name: '_rels/.rels', data: Buffer.from('<Relationships><Relationship Id="a" Type="x/officeDocument" Target="xl/workbook.xml"/></Relationships>') },
      { name: 'xl/workbook.xml', data: Buffer.from('<workbook><sheets><sheet name="S" r:id="r1"/></sheets></workbook>') },
      { name: 'xl/_rels/workbook.xml.rels', data: Buffer.from('<Relationships><Relationship Id="r1" Type="x/worksheet" Target="worksheets/sheet1.xml"/></Relationships>') },
      { name: 'xl/worksheets/sheet1.xml', data: big, declaredSize: 100 },
    ]);
    expect(await outcome(new Uint8Array(lying))).toBe('damaged');
    expect(await outcome(new Uint8Array(lying), { unzippedBytes: 50 })).toBe('too-large');
  });

  it('CSV of any text: grids or a WorkbookError', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: fc.constantFrom('a', '联', ',', '\t', '"', '\n', '\r', ' ', ';') }), async (text) => {
        expect(typeof (await outcome(new TextEncoder().encode(text)))).toBe('string');
      }),
      { numRuns: 200 },
    );
  });
});

describe('crafted .ods', () => {
  const ods = (content: string) =>
    new Uint8Array(
      makeZip([
        { name: 'mimetype', data: Buffer.from('application/vnd.oasis.opendocument.spreadsheet') },
        { name: 'META-INF/manifest.xml', data: Buffer.from('<?xml version="1.0"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>') },
        { name: 'styles.xml', data: Buffer.from('<?xml version="1.0"?><office:document-styles xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>') },
        { name: 'content.xml', data: Buffer.from(`<?xml version="1.0"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet><table:table table:name="S">${content}</table:table></office:spreadsheet></office:body></office:document-content>`) },
      ]),
    );
  it('billions of repeated cells with a value are too-large before SheetJS expands them (bug found by fuzzing)', async () => {
    const bomb = ods('<table:table-row table:number-rows-repeated="1000000"><table:table-cell table:number-columns-repeated="16000" office:value-type="float" office:value="1"/></table:table-row>');
    const started = Date.now();
    expect(await outcome(bomb)).toBe('too-large');
    expect(Date.now() - started).toBeLessThan(5_000);
  });
  it('empty repeated rows and cells (what LibreOffice writes) read', async () => {
    const ok = ods('<table:table-row><table:table-cell office:value-type="string"><text:p>联系点</text:p></table:table-cell><table:table-cell table:number-columns-repeated="16383"/></table:table-row><table:table-row table:number-rows-repeated="1048575"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>');
    const [sheet] = await readWorkbookGrids(ok);
    expect(sheet.grid[0][0]).toBe('联系点');
  });
});
