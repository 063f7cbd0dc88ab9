// A WorkbookPort over plain arrays, for the pane's component tests: the components only ever see the
// flows bound to a port, so a port that records what was written is all the "Excel" they need.
import { FIELD_LABELS, TEMPLATE_COLUMNS, columnIndex } from '../../../shared';
import type { CellAnnotation, SheetModel } from '../../../shared/sheet-model';
import type { Campaign, CellValue, Grid } from '../../../shared/types';
import type { AnnotationOutcome, ProgressFn, SheetGrid, TemplateOutcome, WorkbookPort } from '../../../addin/workbook/port';
import { sheetMissing } from '../../../addin/workbook/port';

export class FakePort implements WorkbookPort {
  readonly kind = 'memory' as const;
  readonly sheets = new Map<string, Grid>();
  readonly settings = new Map<string, string>();
  /** The annotations currently on each sheet, by cell. */
  readonly annotations = new Map<string, Map<string, CellAnnotation>>();
  readonly written: SheetModel[] = [];
  readonly selections: { sheet: string; cell: string }[] = [];

  constructor(sheets: Record<string, Grid> = {}) {
    for (const [name, grid] of Object.entries(sheets)) this.sheets.set(name, grid.map((row) => [...row]));
  }

  async transaction<T>(work: () => Promise<T>): Promise<T> {
    return work();
  }

  async sheetNames(): Promise<string[]> {
    return [...this.sheets.keys()];
  }

  async readGrids(sheets?: string[], onProgress?: ProgressFn, signal?: AbortSignal): Promise<SheetGrid[]> {
    const names = sheets ?? [...this.sheets.keys()];
    return names.map((name) => {
      if (signal?.aborted) throw Object.assign(new Error('已取消（读取）。'), { name: 'AbortError', messageEn: 'Cancelled (read).' });
      const grid = this.sheets.get(name);
      if (!grid) throw sheetMissing(name);
      onProgress?.({ sheet: name, done: grid.length, total: grid.length });
      return { name, grid: grid.map((row) => [...row]) };
    });
  }

  async applyAnnotations(sheet: string, annotations: CellAnnotation[]): Promise<AnnotationOutcome> {
    const before = this.annotations.get(sheet) ?? new Map<string, CellAnnotation>();
    const after = new Map(annotations.map((a) => [a.cell, a]));
    this.annotations.set(sheet, after);
    return { painted: after.size, cleared: [...before.keys()].filter((cell) => !after.has(cell)).length };
  }

  async writeSheet(model: SheetModel, onProgress?: ProgressFn): Promise<void> {
    this.written.push(model);
    this.sheets.set(model.name, model.rows.map((row) => [...row]));
    onProgress?.({ sheet: model.name, done: model.rows.length, total: model.rows.length });
  }

  async appendRow(sheet: string, row: number, values: CellValue[]): Promise<void> {
    const grid = this.sheets.get(sheet);
    if (!grid) throw sheetMissing(sheet);
    while (grid.length < row) grid.push([]);
    grid[row - 1] = [...values];
  }

  async ensureTemplate(_campaign: Campaign): Promise<TemplateOutcome> {
    if (this.sheets.has('台账')) return { sheet: '台账', headerRow: 1, created: false };
    this.sheets.set('台账', [TEMPLATE_COLUMNS.map((field) => FIELD_LABELS[field].zh)]);
    return { sheet: '台账', headerRow: 1, created: true };
  }

  async select(sheet: string, cell: string): Promise<void> {
    if (!this.sheets.has(sheet)) throw sheetMissing(sheet);
    this.selections.push({ sheet, cell });
  }

  async activate(sheet: string): Promise<void> {
    if (!this.sheets.has(sheet)) throw sheetMissing(sheet);
  }

  async getSetting(key: string): Promise<string | null> {
    return this.settings.get(key) ?? null;
  }

  async setSetting(key: string, value: string): Promise<void> {
    this.settings.set(key, value);
  }

  cell(sheet: string, address: string): CellValue {
    const match = /^([A-Z]+)(\d+)$/.exec(address);
    if (!match) throw new Error(`bad address ${address}`);
    return this.sheets.get(sheet)?.[Number(match[2]) - 1]?.[columnIndex(match[1])] ?? null;
  }
}

/**
 * A messy provincial tracker (DOMAIN.md): merged title row, blank row, header on row 3 in mixed
 * wording, text and serial dates, free-text types, short point names, a date outside the period and a
 * totals row. 毕节 has a lecture and a symposium but no veteran visit.
 */
export function messyTracker(): Grid {
  return [
    ['贵州省民进联系点工作台账（2017年）', null, null, null, null, null],
    [null, null, null, null, null, null],
    ['序号', '联系点', '活动时间', '活动形式', '参加领导', '主题', '刊发情况'],
    [1, '毕节', '2017.3.15', '举办专题讲座', '张三', '不忘合作初心，继续携手前进', '《民进贵州》2017年第2期'],
    [2, '民进毕节市工委', 42826, '召开座谈会', '张三', '座谈交流', null],
    [3, '毕节', '2016年12月3日', '调研', '张三', '调研基层组织', null],
    ['合计', null, null, null, null, null, null],
  ];
}

/** A `Storage` (as localStorage) over a Map, optionally holding some entries already. */
export function memoryStorage(entries: [string, string][] = []): Storage {
  const map = new Map<string, string>(entries);
  return {
    get length() {
      return map.size;
    },
    clear: () => map.clear(),
    getItem: (k) => map.get(k) ?? null,
    key: (i) => [...map.keys()][i] ?? null,
    removeItem: (k) => void map.delete(k),
    setItem: (k, v) => void map.set(k, v),
  };
}
