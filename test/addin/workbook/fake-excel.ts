// A small stateful Excel for tests, built from office-addin-mock objects. The mock enforces what
// the real API does to reads (a property is readable only after `load` and `context.sync()`); this
// file adds what the mock leaves out: collections, a workbook state that writes land in, and the
// command queue. Method calls (add, delete, merge, …) run at the next sync in call order, then
// property writes are applied, in the order their objects were created.
//
// Rules Microsoft documents (or confirms on the office-js tracker) that the stand-in enforces, each
// with its own test in fake-excel.test.ts (source in the one comment line beside each rule below):
// very hidden sheets cannot be deleted; a batch fails in cell-edit mode unless `delayForCellEdit`;
// getMergedAreasOrNullObject fails over 512 areas; requests and responses over 5 MB fail; `values`
// coerces strings as Excel does unless the cell's format is text; a note and a threaded comment
// never share a cell; a null object's methods fail; deleting a comment deletes its replies.
import { OfficeMockObject } from 'office-addin-mock';
import { isValidError } from 'office-addin-mock/lib/possibleErrors';
import { columnIndex, columnLetter } from '../../../shared';

export interface FakeCell {
  value: string | number | boolean;
  /** Set when text reached Excel unquoted and starting with "=": Excel would make it a formula. */
  formula?: string;
  numberFormat?: string;
  fill?: { color: string; pattern: string };
  font?: { color?: string; bold?: boolean };
  /** The colour of the borders drawn around the cell. */
  border?: string;
}

export interface FakeTable {
  name: string;
  sheet: FakeSheet;
  top: number;
  left: number;
  rows: number;
  cols: number;
  style?: string;
}

export interface FakeConditionalFormat {
  range: string;
  type: string;
  rule?: { formula1?: string; operator?: string };
  fill?: string;
  font?: string;
  barColor?: string;
}

export interface FakeSheet {
  name: string;
  visibility: 'Visible' | 'Hidden' | 'VeryHidden';
  cells: Map<string, FakeCell>;
  notes: Map<string, string>;
  comments: Map<string, string>;
  /** Replies under each threaded comment, by cell (someone else's words: never ours to delete). */
  commentReplies: Map<string, string[]>;
  columnWidths: Map<number, number>;
  merges: string[];
  frozenRows: number;
  conditionalFormats: FakeConditionalFormat[];
  validations: { range: string; rule?: unknown; errorAlert?: unknown }[];
  charts: { type: string; values: string; title?: string; categories?: string; from?: string; to?: string }[];
  pageLayout: { orientation?: string; paperSize?: string; zoom?: unknown; printTitleRows?: string };
}

export interface FakeBook {
  sheets: FakeSheet[];
  tables: FakeTable[];
  active: string | null;
  selection: { sheet: string; address: string } | null;
  syncs: number;
  calculationSuspensions: number;
  /** The user is typing in a cell (Excel's cell-edit mode). */
  cellEditMode: boolean;
  /** Bytes of JSON one request or one response may carry (Excel on the web: 5 MB). */
  payloadLimit: number;
}

/** Excel's errors carry a code, as OfficeExtension.Error does. */
export class FakeExcelError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
    this.name = 'FakeExcelError';
  }
}

export const PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;
export const MERGED_AREAS_LIMIT = 512;

const key = (row: number, col: number) => `${row},${col}`;
const MAX_COL = 16383;

interface Box {
  top: number;
  left: number;
  rows: number;
  cols: number;
}

/** The whole sheet (`Worksheet.getRange()` without an address). */
const WHOLE_SHEET: Box = { top: 0, left: 0, rows: 1_048_576, cols: MAX_COL + 1 };

function parseAddress(address: string): Box {
  if (address === '') return WHOLE_SHEET;
  const bare = address.slice(address.lastIndexOf('!') + 1).replace(/\$/g, '');
  const whole = /^(\d+):(\d+)$/.exec(bare);
  if (whole) {
    const top = Number(whole[1]) - 1;
    return { top, left: 0, rows: Number(whole[2]) - top, cols: MAX_COL + 1 };
  }
  const [a, b = a] = bare.split(':');
  const cell = (s: string) => {
    const m = /^([A-Z]+)(\d+)$/.exec(s);
    if (!m) throw new Error(`fake Excel: bad address ${address}`);
    return { row: Number(m[2]) - 1, col: columnIndex(m[1]) };
  };
  const p = cell(a);
  const q = cell(b);
  return { top: p.row, left: p.col, rows: q.row - p.row + 1, cols: q.col - p.col + 1 };
}

function boxAddress(box: Box): string {
  const a = `${columnLetter(box.left)}${box.top + 1}`;
  const b = `${columnLetter(box.left + box.cols - 1)}${box.top + box.rows}`;
  return a === b ? a : `${a}:${b}`;
}

export function newSheet(name: string): FakeSheet {
  return {
    name,
    visibility: 'Visible',
    cells: new Map(),
    notes: new Map(),
    comments: new Map(),
    commentReplies: new Map(),
    columnWidths: new Map(),
    merges: [],
    frozenRows: 0,
    conditionalFormats: [],
    validations: [],
    charts: [],
    pageLayout: {},
  };
}

/** Seeds a sheet from a grid (row 0 = sheet row 1); Dates become serial numbers as in Excel. */
export function seedSheet(sheet: FakeSheet, grid: (string | number | boolean | Date | null | undefined)[][]): void {
  grid.forEach((row, r) =>
    row.forEach((value, c) => {
      if (value === null || value === undefined || value === '') return;
      const v = value instanceof Date ? (value.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000 : value;
      sheet.cells.set(key(r, c), { value: v });
    }),
  );
}

export function cellAt(sheet: FakeSheet, address: string): FakeCell | undefined {
  const box = parseAddress(address);
  return sheet.cells.get(key(box.top, box.left));
}

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const serialOf = (y: number, m: number, d: number) => (Date.UTC(y, m - 1, d) - EXCEL_EPOCH) / 86_400_000;

/**
 * What a cell holds after `range.values = [[text]]`: Excel parses the text as if typed (the API uses
 * the en-US locale: office-js #1559) unless the cell's number format is text '@' (office-js #229).
 */
export function coerceTyped(text: string, numberFormat: string | undefined): { value: FakeCell['value']; formula?: string; numberFormat?: string } {
  if (numberFormat === '@') return { value: text };
  if (text.startsWith("'")) return { value: text.slice(1) };
  // Typed text starting with = + - @ is a formula (unless it is a plain signed number).
  const number = /^[+-]?((\d{1,3}(,\d{3})+|\d+)(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(text.trim());
  if (number) return { value: Number(text.trim().replace(/,/g, '')) };
  const percent = /^([+-]?\d+(\.\d+)?)%$/.exec(text.trim());
  if (percent) return { value: Number(percent[1]) / 100, numberFormat: '0%' };
  const iso = /^(\d{4})[-/](\d{1,2})(?:[-/](\d{1,2}))?$/.exec(text.trim());
  if (iso && Number(iso[2]) >= 1 && Number(iso[2]) <= 12) {
    return { value: serialOf(Number(iso[1]), Number(iso[2]), Number(iso[3] ?? 1)), numberFormat: iso[3] ? 'yyyy-mm-dd' : 'mmm-yy' };
  }
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text.trim());
  if (us && Number(us[1]) <= 12) return { value: serialOf(Number(us[3]), Number(us[1]), Number(us[2])), numberFormat: 'm/d/yyyy' };
  if (/^(TRUE|FALSE)$/i.test(text.trim())) return { value: text.trim().toUpperCase() === 'TRUE' };
  if (/^[=+\-@]/.test(text)) return { value: text, formula: text };
  return { value: text };
}

/** A value written through `values` (or `rows.add`) landing in `cell` as Excel would store it. */
function typeInto(cell: FakeCell, value: unknown): void {
  delete cell.formula;
  if (typeof value !== 'string') {
    cell.value = value as FakeCell['value'];
    return;
  }
  const typed = coerceTyped(value, cell.numberFormat);
  cell.value = typed.value;
  if (typed.formula !== undefined) cell.formula = typed.formula;
  if (typed.numberFormat && (cell.numberFormat === undefined || cell.numberFormat === 'General')) cell.numberFormat = typed.numberFormat;
}

/** Bytes of `value` as JSON on the wire. */
const jsonBytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value), 'utf8');

type Mock = OfficeMockObject & Record<string, unknown>;

/**
 * The value of `prop` if the code under test wrote a new one since the last sync (reads of
 * unloaded properties give the mock's error strings, which are no writes); remembers it.
 */
function fresh(m: Record<string, unknown>, prop: string, seen: Record<string, unknown>, as = prop): unknown {
  const value = m[prop];
  if (value === seen[as] || (typeof value === 'string' && isValidError(value))) return undefined;
  seen[as] = value;
  return value;
}

/**
 * A collection's `load` + `items` (the mock has none): the items are loaded mocks, filled in at the
 * next sync. Attach it to a mock by assignment, not through the mock's data (that would copy it).
 */
function collection(list: () => Mock[], methods: Record<string, unknown>, onSync: (fn: () => Promise<void>) => void) {
  const target: Record<string, unknown> = { ...methods };
  target.load = (_props?: unknown) => {
    onSync(async () => {
      const items = list();
      for (const item of items) {
        item.load('*');
        await item.sync();
      }
      target.items = items;
    });
    return target;
  };
  return target;
}

export class FakeExcel {
  readonly book: FakeBook = {
    sheets: [],
    tables: [],
    active: null,
    selection: null,
    syncs: 0,
    calculationSuspensions: 0,
    cellEditMode: false,
    payloadLimit: PAYLOAD_LIMIT_BYTES,
  };
  readonly context: Mock;
  /** Excel.run batches in progress that did not ask to wait out cell editing. */
  private undelayedRuns = 0;
  private commands: (() => void)[] = [];
  private afterSync: (() => Promise<void>)[] = [];
  private created: { mock: Mock; flush: () => void; requestBytes: (mock: Mock) => number; settle: () => void }[] = [];
  /** Bytes the objects loaded since the last sync will bring back. */
  private responses: (() => number)[] = [];

  constructor() {
    const workbookData = {
      tables: {
        getItemOrNullObject: (name: string) => {
          const table = this.book.tables.find((t) => t.name === name);
          return table ? this.tableMock(table) : this.nullMock({});
        },
      },
      comments: {
        add: (cell: Mock | string, content: string) => {
          const { sheet, address } = this.locate(cell);
          this.commands.push(() => {
            // A cell holds a note or a threaded comment, never both (Excel: "Threaded comments and notes").
            if (sheet.notes.has(address)) throw new FakeExcelError('InvalidOperation', `${address} already has a note`);
            sheet.comments.set(address, content);
          });
        },
      },
    };
    this.context = new OfficeMockObject({
      workbook: workbookData,
      application: { suspendApiCalculationUntilNextSync: () => this.book.calculationSuspensions++ },
      sync: () => this.sync(),
    }) as Mock;
    (this.context.workbook as Mock).worksheets = collection(
      () => this.book.sheets.map((s) => this.sheetMock(s)),
      {
        getItem: (name: string) => {
          const sheet = this.findSheet(name);
          if (!sheet) throw new Error(`ItemNotFound: ${name}`);
          return this.sheetMock(sheet);
        },
        getItemOrNullObject: (name: string) => {
          const sheet = this.findSheet(name);
          return sheet ? this.sheetMock(sheet) : this.nullMock({ position: 0 }, ['delete', 'getRange', 'getUsedRangeOrNullObject', 'activate']);
        },
        add: (name: string) => {
          const sheet = newSheet(name);
          this.commands.push(() => {
            if (this.findSheet(name)) throw new Error(`fake Excel: sheet ${name} exists`);
            this.book.sheets.push(sheet);
          });
          return this.sheetMock(sheet);
        },
      },
      (fn) => this.afterSync.push(fn),
    );
  }

  addSheet(name: string, grid: Parameters<typeof seedSheet>[1] = []): FakeSheet {
    const sheet = newSheet(name);
    seedSheet(sheet, grid);
    this.book.sheets.push(sheet);
    return sheet;
  }

  findSheet(name: string): FakeSheet | undefined {
    return this.book.sheets.find((s) => s.name === name);
  }

  /** The runner ExcelWorkbook takes (Excel.run's shape): every batch gets this one context. */
  readonly run = async <T>(options: Excel.RunOptions, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    const undelayed = options?.delayForCellEdit ? 0 : 1;
    this.undelayedRuns += undelayed;
    try {
      return await batch(this.context as unknown as Excel.RequestContext);
    } finally {
      this.undelayedRuns -= undelayed;
    }
  };

  private async sync(): Promise<void> {
    this.book.syncs++;
    const commands = this.commands;
    this.commands = [];
    const responses = this.responses;
    this.responses = [];
    // Without delayForCellEdit a batch sent while the user edits a cell fails (Excel.RunOptions reference).
    if (this.book.cellEditMode && this.undelayedRuns > 0) {
      this.discardPending();
      throw new FakeExcelError('InvalidOperationInCellEditMode', 'Excel is in cell-editing mode.');
    }
    const request = this.created.reduce((sum, { mock, requestBytes }) => sum + requestBytes(mock), 0);
    // Excel on the web refuses a request or response over 5 MB ("Resource limits and performance optimization for Office Add-ins").
    if (request > this.book.payloadLimit) {
      this.discardPending();
      throw new FakeExcelError('RequestPayloadSizeLimitExceeded', `request of ${request} bytes`);
    }
    try {
      for (const command of commands) command();
    } catch (error) {
      this.discardPending();
      throw error;
    }
    const created = this.created;
    for (const { flush } of created) flush();
    for (const { mock } of created) await mock.sync();
    for (const { settle } of created) settle();
    const response = responses.reduce((sum, bytes) => sum + bytes(), 0);
    if (response > this.book.payloadLimit) {
      this.afterSync = [];
      throw new FakeExcelError('ResponsePayloadSizeLimitExceeded', `response of ${response} bytes`);
    }
    const after = this.afterSync;
    this.afterSync = [];
    for (const fn of after) await fn();
    // office-addin-mock settles nested properties a few microtasks late; let them all land.
    await new Promise((resolve) => setTimeout(resolve, 0));
  }

  /** A failed request applies nothing more: its queued writes are dropped, as Excel drops them. */
  private discardPending(): void {
    this.commands = [];
    this.afterSync = [];
    this.responses = [];
    for (const entry of this.created) entry.flush = () => undefined;
    this.created = [];
  }

  private track(
    data: Record<string, unknown>,
    flush: (mock: Mock) => void = () => undefined,
    requestBytes: (mock: Mock) => number = () => 0,
    settle: (mock: Mock) => void = () => undefined,
  ): Mock {
    const { isNullObject, ...rest } = data;
    const mock = new OfficeMockObject(rest) as Mock;
    // Excel answers isNullObject with the sync that resolves the object, without any load.
    if (isNullObject !== undefined) mock.isNullObject = isNullObject;
    const entry = { mock, flush: () => flush(mock), requestBytes, settle: () => settle(mock) };
    this.created.push(entry);
    return mock;
  }

  /**
   * A null object: it has the type's methods (the proxy cannot know before the sync that nothing is
   * there), but every call fails the request — "null object" in the Office API reference's
   * *OrNullObject methods means no methods or properties may be used.
   */
  private nullMock(extra: Record<string, unknown>, methods: string[] = []): Mock {
    const calls: Record<string, unknown> = {};
    for (const method of methods) {
      calls[method] = () => {
        this.commands.push(() => {
          throw new FakeExcelError('InvalidObjectPath', `${method}() called on a null object`);
        });
        return this.track({ isNullObject: true, address: '', rowIndex: 0, columnIndex: 0, rowCount: 0, columnCount: 0, values: [] });
      };
    }
    return this.track({ isNullObject: true, ...extra, ...calls });
  }

  private locate(cell: Mock | string): { sheet: FakeSheet; address: string } {
    if (typeof cell === 'string') throw new Error('fake Excel: pass a Range to add notes/comments');
    const info = (cell as unknown as { __fake: { sheet: FakeSheet; box: Box } }).__fake;
    return { sheet: info.sheet, address: boxAddress(info.box) };
  }

  private sheetMock(sheet: FakeSheet): Mock {
    const position = () => this.book.sheets.indexOf(sheet);
    const seen: Record<string, unknown> = { visibility: sheet.visibility, position: Math.max(0, position()), orientation: '', paperSize: '' };
    const mock = this.track(
      {
        isNullObject: false,
        name: sheet.name,
        visibility: sheet.visibility,
        position: Math.max(0, position()),
        getRange: (address = '') => this.rangeMock(sheet, parseAddress(address)),
        getRangeByIndexes: (top: number, left: number, rows: number, cols: number) => this.rangeMock(sheet, { top, left, rows, cols }),
        getUsedRangeOrNullObject: () => {
          const box = this.usedBox(sheet);
          return box
            ? this.rangeMock(sheet, box)
            : this.nullMock({ rowIndex: 0, columnIndex: 0, rowCount: 0, columnCount: 0, values: [] }, ['getMergedAreasOrNullObject', 'clear', 'getCell']);
        },
        activate: () => this.commands.push(() => (this.book.active = sheet.name)),
        delete: () =>
          this.commands.push(() => {
            // A very hidden sheet cannot be deleted until made visible or hidden (Worksheet.delete reference; office-js #365).
            if (sheet.visibility === 'VeryHidden') throw new FakeExcelError('InvalidOperation', `cannot delete very hidden sheet ${sheet.name}`);
            this.book.sheets = this.book.sheets.filter((s) => s !== sheet);
            this.book.tables = this.book.tables.filter((t) => t.sheet !== sheet);
          }),
        freezePanes: { freezeRows: (n: number) => this.commands.push(() => (sheet.frozenRows = n)) },
        tables: {
          add: (address: string, _hasHeaders: boolean) => {
            const box = parseAddress(address);
            const table: FakeTable = { name: `Table${this.book.tables.length + 1}`, sheet, ...box };
            this.commands.push(() => this.book.tables.push(table));
            return this.tableMock(table);
          },
        },
        charts: {
          add: (type: string, range: Mock) => {
            const chart: FakeSheet['charts'][number] = { type, values: this.locate(range).address };
            const seen: Record<string, unknown> = { text: '' };
            this.commands.push(() => sheet.charts.push(chart));
            const series = { setXAxisValues: (r: Mock) => this.commands.push(() => (chart.categories = this.locate(r).address)) };
            return this.track(
              {
                title: { text: '' },
                legend: { visible: true },
                series: { getItemAt: () => series },
                setPosition: (from: string, to: string) => this.commands.push(() => Object.assign(chart, { from, to })),
              },
              (m) => {
                const title = fresh(m.title as Mock, 'text', seen);
                if (typeof title === 'string') chart.title = title;
              },
            );
          },
        },
        notes: {
          getItemOrNullObject: (address: string) => this.noteMock(sheet, sheet.notes, address),
          add: (cell: Mock | string, content: string) => {
            const { address } = this.locate(cell);
            this.commands.push(() => {
              // A cell holds a note or a threaded comment, never both (Excel: "Threaded comments and notes").
              if (sheet.comments.has(address)) throw new FakeExcelError('InvalidOperation', `${address} already has a threaded comment`);
              sheet.notes.set(address, content);
            });
          },
        },
        pageLayout: {
          orientation: '',
          paperSize: '',
          zoom: {},
          setPrintTitleRows: (rows: string) => this.commands.push(() => (sheet.pageLayout.printTitleRows = rows)),
        },
      },
      (m) => {
        const visibility = fresh(m, 'visibility', seen);
        if (typeof visibility === 'string') sheet.visibility = visibility as FakeSheet['visibility'];
        const pos = fresh(m, 'position', seen);
        if (typeof pos === 'number' && position() >= 0) {
          this.book.sheets = this.book.sheets.filter((s) => s !== sheet);
          this.book.sheets.splice(pos, 0, sheet);
        }
        const layout = m.pageLayout as Mock;
        const orientation = fresh(layout, 'orientation', seen);
        if (typeof orientation === 'string') sheet.pageLayout.orientation = orientation;
        const paperSize = fresh(layout, 'paperSize', seen);
        if (typeof paperSize === 'string') sheet.pageLayout.paperSize = paperSize;
        if (!(layout.zoom instanceof OfficeMockObject)) sheet.pageLayout.zoom = layout.zoom;
      },
    );
    mock.comments = collection(
      () => [...sheet.comments.keys()].map((address) => this.commentMock(sheet, address)),
      {},
      (fn) => this.afterSync.push(fn),
    );
    (mock as unknown as { __fake: unknown }).__fake = { sheet };
    return mock;
  }

  private usedBox(sheet: FakeSheet): Box | null {
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    for (const [k, cell] of sheet.cells) {
      if (cell.value === '') continue;
      const [r, c] = k.split(',').map(Number);
      top = Math.min(top, r);
      left = Math.min(left, c);
      bottom = Math.max(bottom, r);
      right = Math.max(right, c);
    }
    return bottom < 0 ? null : { top, left, rows: bottom - top + 1, cols: right - left + 1 };
  }

  private rangeMock(sheet: FakeSheet, box: Box): Mock {
    // Whole rows or the whole sheet are never read back cell by cell: keep their snapshot small.
    const bounded = { ...box, cols: box.cols > 1000 ? 1 : box.cols, rows: box.rows > 100_000 ? 1 : box.rows };
    const grid = <T>(pick: (cell: FakeCell | undefined) => T): T[][] =>
      Array.from({ length: bounded.rows }, (_, r) =>
        Array.from({ length: bounded.cols }, (_, c) => pick(sheet.cells.get(key(box.top + r, box.left + c)))),
      );
    const first = sheet.cells.get(key(box.top, box.left));
    const initial = {
      values: grid((cell) => cell?.value ?? ''),
      numberFormat: grid((cell) => cell?.numberFormat ?? 'General'),
    };
    const seen: Record<string, unknown> = {
      ...initial,
      color: first?.fill?.color ?? '#FFFFFF',
      pattern: first?.fill?.pattern ?? 'None',
      fontColor: first?.font?.color ?? '#000000',
      bold: first?.font?.bold ?? false,
      columnWidth: sheet.columnWidths.get(box.left) ?? 48,
    };
    const cellOf = (r: number, c: number): FakeCell => {
      const k = key(box.top + r, box.left + c);
      let cell = sheet.cells.get(k);
      if (!cell) sheet.cells.set(k, (cell = { value: '' }));
      return cell;
    };
    const each = (fn: (cell: FakeCell) => void) => {
      for (let r = 0; r < box.rows; r++) for (let c = 0; c < Math.min(box.cols, MAX_COL); c++) fn(cellOf(r, c));
    };
    const address = boxAddress(box);
    const borderEdges: { style?: string; color?: string }[] = [];
    const mock = this.track(
      {
        isNullObject: false,
        address: `${sheet.name}!${address}`,
        rowIndex: box.top,
        columnIndex: box.left,
        rowCount: box.rows,
        columnCount: box.cols,
        values: initial.values,
        numberFormat: initial.numberFormat,
        format: {
          columnWidth: sheet.columnWidths.get(box.left) ?? 48,
          fill: {
            color: first?.fill?.color ?? '#FFFFFF',
            pattern: first?.fill?.pattern ?? 'None',
            clear: () => this.commands.push(() => each((cell) => delete cell.fill)),
          },
          font: { color: first?.font?.color ?? '#000000', bold: first?.font?.bold ?? false },
          borders: {
            getItem: () => {
              const edge: { style?: string; color?: string } = {};
              borderEdges.push(edge);
              return edge;
            },
          },
        },
        dataValidation: { rule: {}, errorAlert: {} },
        conditionalFormats: { add: (type: string) => this.conditionalFormatMock(sheet, address, type) },
        merge: () => this.commands.push(() => sheet.merges.push(address)),
        clear: () =>
          this.commands.push(() => {
            for (const k of [...sheet.cells.keys()]) {
              const [r, c] = k.split(',').map(Number);
              if (r >= box.top && r < box.top + box.rows && c >= box.left && c < box.left + box.cols) sheet.cells.delete(k);
            }
          }),
        getMergedAreasOrNullObject: () => {
          const areas = sheet.merges.filter((m) => {
            const b = parseAddress(m);
            return b.top < box.top + box.rows && box.top < b.top + b.rows && b.left < box.left + box.cols && box.left < b.left + b.cols;
          });
          // Over 512 merged areas in the range, the method fails to return a result (Range.getMergedAreasOrNullObject reference).
          if (areas.length > MERGED_AREAS_LIMIT) {
            this.commands.push(() => {
              throw new FakeExcelError('GeneralException', `${areas.length} merged areas in ${address}`);
            });
          }
          return areas.length === 0
            ? this.nullMock({ address: '', areaCount: 0 })
            : this.track({ isNullObject: false, areaCount: areas.length, address: areas.map((m) => `${sheet.name}!${m}`).join(',') });
        },
        select: () => this.commands.push(() => (this.book.selection = { sheet: sheet.name, address })),
        getTables: () => {
          const hits = () =>
            this.book.tables
              .filter((t) => t.sheet === sheet)
              .filter((t) => t.top < box.top + box.rows && box.top < t.top + t.rows && t.left < box.left + box.cols && box.left < t.left + t.cols)
              .map((t) => this.tableMock(t));
          return collection(hits, {}, (fn) => this.afterSync.push(fn));
        },
      },
      (m) => {
        // Formats before values: a text format set in the same batch keeps the strings as typed.
        const numberFormat = fresh(m, 'numberFormat', seen);
        if (Array.isArray(numberFormat)) {
          const formats = numberFormat as string[][];
          if (formats.length !== box.rows || formats.some((row) => row.length !== box.cols)) {
            throw new Error(`fake Excel: number formats do not fit ${address}`);
          }
          formats.forEach((row, r) => row.forEach((f, c) => (cellOf(r, c).numberFormat = f)));
        }
        const values = fresh(m, 'values', seen);
        if (Array.isArray(values)) {
          const rows = values as unknown[][];
          if (rows.length !== box.rows || rows.some((row) => row.length !== box.cols)) {
            throw new Error(`fake Excel: values of ${rows.length} rows do not fit ${address}`);
          }
          rows.forEach((row, r) => row.forEach((value, c) => typeInto(cellOf(r, c), value)));
        }
        const format = m.format as Mock;
        const fill = format.fill as Mock;
        const color = fresh(fill, 'color', seen);
        const pattern = fresh(fill, 'pattern', seen);
        if (typeof color === 'string' || typeof pattern === 'string') {
          const c = (typeof color === 'string' ? color : String(seen.color)).toUpperCase();
          const p = typeof pattern === 'string' && pattern !== 'None' ? pattern : 'Solid';
          each((cell) => (cell.fill = { color: c, pattern: p }));
        }
        const font = format.font as Mock;
        const fontColor = fresh(font, 'color', seen, 'fontColor');
        if (typeof fontColor === 'string') each((cell) => (cell.font = { ...cell.font, color: fontColor }));
        const bold = fresh(font, 'bold', seen);
        if (typeof bold === 'boolean') each((cell) => (cell.font = { ...cell.font, bold }));
        const bordered = borderEdges.find((edge) => edge.style === 'Continuous');
        if (bordered) each((cell) => (cell.border = bordered.color ?? '#000000'));
        const width = fresh(format, 'columnWidth', seen);
        if (typeof width === 'number') for (let c = 0; c < box.cols; c++) sheet.columnWidths.set(box.left + c, width);
        const validation = m.dataValidation as Mock;
        if (!(validation.rule instanceof OfficeMockObject)) {
          sheet.validations.push({ range: address, rule: validation.rule, errorAlert: validation.errorAlert });
          validation.rule = new OfficeMockObject({});
        }
      },
      (m) => {
        const pending = (prop: string) => (m[prop] !== seen[prop] && Array.isArray(m[prop]) ? jsonBytes(m[prop]) : 0);
        return pending('values') + pending('numberFormat');
      },
      (m) => {
        // What a load brought back is no write of the code's.
        if (Array.isArray(m.values)) seen.values = m.values;
        if (Array.isArray(m.numberFormat)) seen.numberFormat = m.numberFormat;
      },
    );
    (mock as unknown as { __fake: unknown }).__fake = { sheet, box };
    const load = mock.load.bind(mock);
    mock.load = ((props?: unknown) => {
      const wanted = typeof props === 'string' ? props : JSON.stringify(props ?? '');
      if (/values|numberFormat/.test(wanted)) this.responses.push(() => jsonBytes(initial.values) + (/numberFormat/.test(wanted) ? jsonBytes(initial.numberFormat) : 0));
      return load(props as string);
    }) as typeof mock.load;
    return mock;
  }

  private conditionalFormatMock(sheet: FakeSheet, range: string, type: string): Mock {
    const entry: FakeConditionalFormat = { range, type };
    this.commands.push(() => sheet.conditionalFormats.push(entry));
    return this.track(
      {
        cellValue: { rule: {}, format: { fill: { color: '' }, font: { color: '', bold: false } } },
        dataBar: { positiveFormat: { fillColor: '' } },
      },
      (m) => {
        const cellValue = m.cellValue as Mock;
        if (!(cellValue.rule instanceof OfficeMockObject)) entry.rule = cellValue.rule as FakeConditionalFormat['rule'];
        const format = cellValue.format as Mock;
        const fill = (format.fill as Mock).color;
        if (typeof fill === 'string' && fill !== '' && !isValidError(fill)) entry.fill = fill;
        const font = (format.font as Mock).color;
        if (typeof font === 'string' && font !== '' && !isValidError(font)) entry.font = font;
        const bar = ((m.dataBar as Mock).positiveFormat as Mock).fillColor;
        if (typeof bar === 'string' && bar !== '' && !isValidError(bar)) entry.barColor = bar;
      },
    );
  }

  private noteMock(sheet: FakeSheet, store: Map<string, string>, address: string): Mock {
    const content = store.get(address);
    if (content === undefined) return this.nullMock({ content: '' });
    const seen: Record<string, unknown> = { content };
    return this.track(
      {
        isNullObject: false,
        content,
        delete: () => this.commands.push(() => store.delete(address)),
      },
      (m) => {
        const text = fresh(m, 'content', seen);
        if (typeof text === 'string') store.set(address, text);
      },
    );
  }

  private commentMock(sheet: FakeSheet, address: string): Mock {
    const mock = this.noteMock(sheet, sheet.comments, address);
    mock.getLocation = () => this.track({ address: `${sheet.name}!${address}` });
    // Deleting a comment deletes its replies too ("Work with comments using the Excel JavaScript API").
    mock.delete = () =>
      this.commands.push(() => {
        sheet.comments.delete(address);
        sheet.commentReplies.delete(address);
      });
    mock.replies = {
      getCount: () => {
        const result: { value?: number } = {};
        this.afterSync.push(async () => {
          result.value = sheet.commentReplies.get(address)?.length ?? 0;
        });
        return result;
      },
    };
    return mock;
  }

  private tableMock(table: FakeTable): Mock {
    const box = () => ({ top: table.top, left: table.left, rows: table.rows, cols: table.cols });
    const seen: Record<string, unknown> = { name: table.name, style: table.style ?? '' };
    return this.track(
      {
        isNullObject: false,
        name: table.name,
        style: table.style ?? '',
        worksheet: { name: table.sheet.name },
        getRange: () => this.rangeMock(table.sheet, box()),
        getHeaderRowRange: () => this.rangeMock(table.sheet, { ...box(), rows: 1 }),
        rows: {
          add: (_index: number | undefined, values: (string | number | boolean)[][]) => {
            this.commands.push(() => {
              values.forEach((row, r) =>
                row.forEach((value, c) => {
                  const k = key(table.top + table.rows + r, table.left + c);
                  const cell = table.sheet.cells.get(k) ?? { value: '' };
                  typeInto(cell, value);
                  table.sheet.cells.set(k, cell);
                }),
              );
              table.rows += values.length;
            });
          },
        },
      },
      (m) => {
        const name = fresh(m, 'name', seen);
        if (typeof name === 'string') table.name = name;
        const style = fresh(m, 'style', seen);
        if (typeof style === 'string') table.style = style;
      },
    );
  }
}
