// Writes SheetModels through exceljs's streaming WorkbookWriter: each row is styled and committed
// as it is written, so a 汇总 of 100,000 records costs little more than its bare cells. The same
// look as render-sheet.ts (header rows, borders, styles, merges, conditional formats, data bars,
// row heights, page breaks, print setup); pictures, which the streaming writer lacks, are added
// as a drawing part of our own.
import * as ExcelJS from 'exceljs';
import { cellSafeText, type CellStyle, type SheetModel, type SheetPicture } from '../shared';
import { parseCellAddress } from '../shared/columns';
import {
  applyStyle,
  argb,
  columnPixelsAt,
  dataBarScale,
  differentialStyle,
  formulaString,
  headerStyle,
  pageSetupOf,
  thinBorder,
} from './render-sheet';

interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function rectOf(range: string): Rect {
  const [from, to = from] = range.split(':');
  const a = parseCellAddress(from);
  const b = parseCellAddress(to);
  if (!a || !b) throw new Error(`not an A1 range: ${range}`);
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.col, b.col) + 1,
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.col, b.col) + 1,
  };
}

type Layer = Rect & { index?: number; apply: (cell: { style: Partial<ExcelJS.Style> }) => void };

/** The style layers of a model in the order render-sheet.ts applies them; a cell's style is the
 *  layers over it, composed once per distinct combination and shared (exceljs caches by object). */
class StyleResolver {
  private readonly layers: Layer[] = [];
  private readonly cache = new Map<string, Partial<ExcelJS.Style>>();

  constructor(model: SheetModel, width: number) {
    const last = model.rows.length;
    for (const headerRow of model.headerRows) {
      this.layers.push({
        top: headerRow,
        bottom: headerRow,
        left: 1,
        right: width,
        apply: (cell) => {
          cell.style = { ...cell.style, ...headerStyle(cell.style) };
        },
      });
    }
    const firstHeader = Math.min(...model.headerRows);
    if (Number.isFinite(firstHeader) && width > 0) {
      const border = thinBorder();
      this.layers.push({ top: firstHeader, bottom: last, left: 1, right: width, apply: (cell) => (cell.style = { ...cell.style, border }) });
    }
    for (const [range, numFmt] of Object.entries(model.numberFormats ?? {})) {
      this.layers.push({ ...rectOf(range), apply: (cell) => (cell.style = { ...cell.style, numFmt }) });
    }
    for (const [range, style] of Object.entries(model.styles ?? {})) {
      this.layers.push({ ...rectOf(range), apply: (cell) => applyStyle(cell as ExcelJS.Cell, style as CellStyle) });
    }
  }

  /** The layers that touch row `row`, so the per-cell test runs over few. */
  rowLayers(row: number): Layer[] {
    return this.layers.filter((l) => l.top <= row && row <= l.bottom);
  }

  /** Numbers the layers once they are all in (the cache key is made of these numbers). */
  seal(): this {
    this.layers.forEach((l, i) => (l.index = i));
    return this;
  }

  styleOf(layers: Layer[], col: number): Partial<ExcelJS.Style> | null {
    let key = '';
    for (const l of layers) if (l.left <= col && col <= l.right) key += `${l.index},`;
    if (key === '') return null;
    let style = this.cache.get(key);
    if (!style) {
      const cell = { style: {} as Partial<ExcelJS.Style> };
      for (let i = 0; i < layers.length; i++) if (layers[i].left <= col && col <= layers[i].right) layers[i].apply(cell);
      style = cell.style;
      this.cache.set(key, style);
    }
    return style;
  }
}

const EMU_PER_PIXEL = 9525;
const DRAWING_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing';
const IMAGE_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/image';

const xmlText = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function drawingXml(anchors: { picture: SheetPicture; rId: string; colOffset: number; title: string }[]): string {
  const pics = anchors.map(({ picture, rId, colOffset, title }, i) => {
    const at = parseCellAddress(picture.cell)!;
    const cx = picture.width * EMU_PER_PIXEL;
    const cy = picture.height * EMU_PER_PIXEL;
    return (
      '<xdr:oneCellAnchor>' +
      `<xdr:from><xdr:col>${at.col}</xdr:col><xdr:colOff>${colOffset * EMU_PER_PIXEL}</xdr:colOff><xdr:row>${at.row - 1}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>` +
      `<xdr:ext cx="${cx}" cy="${cy}"/>` +
      '<xdr:pic>' +
      `<xdr:nvPicPr><xdr:cNvPr id="${i + 2}" name="${xmlText(picture.id)}" descr="${xmlText(title)}"/><xdr:cNvPicPr><a:picLocks noChangeAspect="1"/></xdr:cNvPicPr></xdr:nvPicPr>` +
      `<xdr:blipFill><a:blip r:embed="${rId}"/><a:stretch><a:fillRect/></a:stretch></xdr:blipFill>` +
      `<xdr:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="${cx}" cy="${cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr>` +
      '</xdr:pic><xdr:clientData/></xdr:oneCellAnchor>'
    );
  });
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"' +
    ' xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"' +
    ' xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    pics.join('') +
    '</xdr:wsDr>'
  );
}

function relsXml(rels: { id: string; type: string; target: string }[]): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    rels.map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${r.target}"/>`).join('') +
    '</Relationships>'
  );
}

// The parts of exceljs's streaming writer we reach into: they are not in its types.
interface WriterInternals {
  zip: { append(data: string | Buffer, opts: { name: string }): void };
  addImage(image: { buffer: Buffer; extension: 'png' }): number;
}
interface SheetWriterInternals {
  _sheetRelsWriter: { addRelationship(rel: { Type: string; Target: string }): string };
  _writeRowBreaks(): void;
  stream: { write(text: string): void };
}

/** A picture per SheetPicture that has bytes: a drawing part, its rels, and the sheet's <drawing>. */
function attachPictures(
  writer: ExcelJS.stream.xlsx.WorkbookWriter,
  sheet: ExcelJS.Worksheet,
  model: SheetModel,
  images: ReadonlyMap<string, { png: Uint8Array; title: string }>,
  drawingNumber: number,
): boolean {
  const placed = (model.pictures ?? []).filter((p) => images.has(p.id));
  if (placed.length === 0) return false;
  const w = writer as unknown as WriterInternals;
  const anchors = placed.map((picture, i) => {
    const image = images.get(picture.id)!;
    const id = w.addImage({ buffer: Buffer.from(image.png), extension: 'png' });
    const at = parseCellAddress(picture.cell)!;
    // An offset past the first column is clamped: it only centres the picture a little.
    const colOffset = Math.min(picture.offsetX ?? 0, columnPixelsAt(model, at.col) - 1);
    return { picture, rId: `rId${i + 1}`, colOffset, title: image.title, media: `../media/image${id}.png` };
  });
  const name = `drawing${drawingNumber}`;
  w.zip.append(drawingXml(anchors), { name: `xl/drawings/${name}.xml` });
  w.zip.append(relsXml(anchors.map((a) => ({ id: a.rId, type: IMAGE_REL, target: a.media }))), {
    name: `xl/drawings/_rels/${name}.xml.rels`,
  });
  const s = sheet as unknown as SheetWriterInternals;
  const rId = s._sheetRelsWriter.addRelationship({ Type: DRAWING_REL, Target: `../drawings/${name}.xml` });
  // <drawing> follows headerFooter and rowBreaks in a worksheet: write it right after them.
  const writeRowBreaks = s._writeRowBreaks.bind(s);
  s._writeRowBreaks = () => {
    writeRowBreaks();
    s.stream.write(`<drawing r:id="${rId}"/>`);
  };
  return true;
}

function writeSheet(writer: ExcelJS.stream.xlsx.WorkbookWriter, model: SheetModel): ExcelJS.Worksheet {
  const sheet = writer.addWorksheet(model.name, {
    views: model.freezeRows ? [{ state: 'frozen', ySplit: model.freezeRows, xSplit: 0 }] : undefined,
    pageSetup: pageSetupOf(model),
    headerFooter: model.print?.footer ? { oddFooter: `&C${model.print.footer}` } : undefined,
  } as Partial<ExcelJS.AddWorksheetOptions>);
  const width = Math.max(0, ...model.rows.map((row) => row.length));
  if (model.columnWidths) sheet.columns = model.columnWidths.map((w) => ({ width: w }));
  const styles = new StyleResolver(model, width).seal();
  const heights = model.rowHeights ?? {};
  const breaks = new Set(model.pageBreaks ?? []);
  const mergesByRow = new Map<number, string[]>();
  for (const range of model.merges ?? []) {
    const top = rectOf(range).top;
    mergesByRow.set(top, [...(mergesByRow.get(top) ?? []), range]);
  }
  for (let r = 1; r <= model.rows.length; r++) {
    const values = model.rows[r - 1];
    const layers = styles.rowLayers(r);
    const row = sheet.getRow(r);
    for (let c = 1; c <= width; c++) {
      const value = values[c - 1];
      const style = layers.length > 0 ? styles.styleOf(layers, c) : null;
      if ((value === null || value === undefined) && !style) continue;
      const cell = row.getCell(c);
      // A string is stored as a string cell (exceljs only writes formulas given as { formula }), made
      // safe for XML and cut at Excel's cell limit.
      if (value !== null && value !== undefined) cell.value = typeof value === 'string' ? cellSafeText(value) : value;
      if (style) cell.style = style;
    }
    if (heights[r]) row.height = heights[r];
    for (const range of mergesByRow.get(r) ?? []) sheet.mergeCells(range);
    if (breaks.has(r)) row.addPageBreak();
    row.commit();
  }
  for (const format of model.conditionalFormats ?? []) {
    const topLeft = format.range.split(':')[0].replace(/\$/g, '');
    sheet.addConditionalFormatting({
      ref: format.range,
      rules: [{ type: 'expression', priority: 1, formulae: [`${topLeft}=${formulaString(format.equals)}`], style: differentialStyle(format.style) }],
    });
  }
  for (const bar of model.dataBars ?? []) {
    const rule: ExcelJS.DataBarRuleType & { color: Partial<ExcelJS.Color> } = {
      type: 'dataBar',
      priority: 1,
      gradient: false,
      cfvo: dataBarScale(bar.max),
      color: { argb: argb(bar.color) },
    };
    sheet.addConditionalFormatting({ ref: bar.range, rules: [rule] });
  }
  return sheet;
}

export interface StreamedWorkbookOptions {
  creator: string;
  created: Date;
  /** Picture bytes by SheetPicture id (the report's charts), with a title for their description. */
  pictures?: ReadonlyMap<string, { png: Uint8Array; title: string }>;
}

/** The models as one .xlsx, in order, written streaming. */
export async function writeSheetsStreaming(models: readonly SheetModel[], options: StreamedWorkbookOptions): Promise<Uint8Array> {
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ useStyles: true, useSharedStrings: false });
  writer.creator = options.creator;
  writer.created = options.created;
  const drawings: string[] = [];
  for (const model of models) {
    const sheet = writeSheet(writer, model);
    if (options.pictures && attachPictures(writer, sheet, model, options.pictures, drawings.length + 1)) {
      drawings.push(`drawing${drawings.length + 1}`);
    }
    sheet.commit();
  }
  if (drawings.length > 0) {
    // The streaming writer lists no drawing parts in [Content_Types].xml: add them as it goes in.
    const w = writer as unknown as WriterInternals;
    const append = w.zip.append.bind(w.zip);
    w.zip.append = (data, opts) => {
      if (opts.name === '[Content_Types].xml' && typeof data === 'string') {
        const overrides = drawings
          .map((d) => `<Override PartName="/xl/drawings/${d}.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>`)
          .join('');
        data = data.replace('</Types>', `${overrides}</Types>`);
      }
      append(data, opts);
    };
  }
  await writer.commit();
  const stream = (writer as unknown as { stream: { read(): Buffer } }).stream;
  return new Uint8Array(stream.read());
}
