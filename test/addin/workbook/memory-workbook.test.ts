// The in-memory .xlsx implementation (browser mode) passes the same interface suite. Seeds are
// real .xlsx bytes; everything is inspected after saving and reading the file back with exceljs.
import * as ExcelJS from 'exceljs';
import { MemoryWorkbook } from '../../../addin/workbook/memory-workbook';
import { DEFAULT_CAMPAIGN, FIELD_LABELS } from '../../../shared';
import { describeWorkbookPort, type Harness, type InspectedCell, type SeedSheet } from './port-contract';

async function seedBytes(seeds: SeedSheet[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  for (const seed of seeds) {
    const sheet = workbook.addWorksheet(seed.name);
    seed.grid.forEach((row, r) =>
      row.forEach((value, c) => {
        if (value !== null && value !== undefined) sheet.getCell(r + 1, c + 1).value = value;
      }),
    );
    for (const range of seed.merges ?? []) sheet.mergeCells(range);
    for (const [address, color] of Object.entries(seed.fills ?? {})) {
      // exceljs shares style objects between cells: replace the cell's style rather than mutate it.
      const cell = sheet.getCell(address);
      cell.style = { ...cell.style, fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${color.slice(1)}` } } };
    }
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** Reads the port's workbook the way a user would: save it, open the file. */
async function reopened(port: MemoryWorkbook): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await port.save()) as unknown as ExcelJS.Buffer);
  return workbook;
}

function sheetOf(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const sheet = workbook.getWorksheet(name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  return sheet;
}

function inspectCell(cell: ExcelJS.Cell): InspectedCell {
  const fill = cell.fill;
  const solid = fill?.type === 'pattern' && fill.pattern === 'solid' ? fill.fgColor?.argb : undefined;
  const note = cell.note;
  const text = typeof note === 'string' ? note : note ? (note.texts ?? []).map((t) => t.text).join('') : null;
  return {
    value: (cell.value as InspectedCell['value']) ?? null,
    fill: solid ? `#${solid.slice(2).toUpperCase()}` : null,
    note: text || null,
    numberFormat: cell.numFmt || null,
    isFormula: cell.type === ExcelJS.ValueType.Formula,
    bold: cell.font?.bold ?? false,
    bordered: cell.border?.top?.style === 'thin',
  };
}

/** exceljs reads a ranged validation back cell by cell: fold each column's cells into one range. */
function foldColumns(addresses: string[]): string[] {
  const byColumn = new Map<string, number[]>();
  for (const address of addresses) {
    for (const part of address.split(' ')) {
      const [a, b = a] = part.split(':');
      const ma = /^([A-Z]+)(\d+)$/.exec(a)!;
      const mb = /^([A-Z]+)(\d+)$/.exec(b)!;
      const rows = byColumn.get(ma[1]) ?? [];
      rows.push(Number(ma[2]), Number(mb[2]));
      byColumn.set(ma[1], rows);
    }
  }
  return [...byColumn].map(([col, rows]) => `${col}${Math.min(...rows)}:${col}${Math.max(...rows)}`);
}

async function memoryHarness(seeds: SeedSheet[]): Promise<Harness> {
  const port = await MemoryWorkbook.open(await seedBytes(seeds));
  return {
    port,
    inspect: {
      async cell(name, address) {
        return inspectCell(sheetOf(await reopened(port), name).getCell(address));
      },
      async sheets() {
        return (await reopened(port)).worksheets.map((ws) => ({ name: ws.name, state: ws.state ?? 'visible' }) as const);
      },
      async conditionalFormats(name) {
        // exceljs reads conditional formats back into a property its types leave out.
        const sheet = sheetOf(await reopened(port), name) as unknown as { conditionalFormattings?: ExcelJS.ConditionalFormattingOptions[] };
        const formats = sheet.conditionalFormattings ?? [];
        return formats.flatMap((f) =>
          f.rules
            .filter((rule): rule is ExcelJS.ExpressionRuleType => rule.type === 'expression')
            .map((rule) => ({ range: f.ref, matches: (rule.formulae?.[0] ?? '').replace(/^[^=]*="?|"$/g, '') })),
        );
      },
      async listValidations(name) {
        const sheet = sheetOf(await reopened(port), name) as unknown as { dataValidations: { model: Record<string, { type: string }> } };
        return foldColumns(Object.entries(sheet.dataValidations.model).filter(([, v]) => v.type === 'list').map(([k]) => k));
      },
      async frozenRows(name) {
        const view = sheetOf(await reopened(port), name).views[0];
        return view?.state === 'frozen' ? (view.ySplit ?? 0) : 0;
      },
    },
  };
}

describeWorkbookPort('in-memory .xlsx (exceljs)', memoryHarness);

describe('MemoryWorkbook', () => {
  it('starts from the standard template, ready to connect', async () => {
    const port = MemoryWorkbook.fromTemplate(DEFAULT_CAMPAIGN);
    expect(await port.sheetNames()).toContain('台账');
    expect(await port.ensureTemplate(DEFAULT_CAMPAIGN)).toMatchObject({ sheet: '台账', created: false });
    const [grid] = await port.readGrids(['台账']);
    expect(grid.grid[0][0]).toBe(FIELD_LABELS.liaisonPoint.zh);
  });

  it('refuses bytes that are not a workbook, in both languages', async () => {
    // Text is a CSV table now; bytes of no spreadsheet format are refused.
    await expect(MemoryWorkbook.open(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x0a, 0x00]))).rejects.toMatchObject({
      code: 'not-a-workbook',
      messageEn: expect.stringContaining('not a spreadsheet'),
    });
  });

  it('grows the table when a row is appended just below it', async () => {
    const port = MemoryWorkbook.fromTemplate(DEFAULT_CAMPAIGN);
    const [grid] = await port.readGrids(['台账']);
    const below = grid.grid.length + 1;
    await port.appendRow('台账', 102, ['民进北京市海淀区委员会', new Date(Date.UTC(2017, 2, 1)), '专题讲座']);
    const reopenedBook = await reopened(port);
    const table = (sheetOf(reopenedBook, '台账') as unknown as { tables: Record<string, { table: { tableRef: string } }> }).tables;
    expect(Object.values(table)[0].table.tableRef).toBe('A1:K102');
    expect(below).toBeGreaterThan(0);
  });
});
