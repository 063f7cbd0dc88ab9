// Problem highlights in Excel: a fill and a note per problem cell; cells annotated by an earlier
// check whose problem is gone get their own fill and note back. The decisions are
// shared/annotation-plan's (the same as the .xlsx writer's); this only probes and writes cells.
import { HIGHLIGHT } from '../../shared';
import {
  ANNOTATION_STATE_SHEET,
  memosFromRows,
  memosToRows,
  planAnnotations,
  type CellLook,
} from '../../shared/annotation-plan';
import type { CellAnnotation } from '../../shared/sheet-model';
import { readHiddenSheet, writeHiddenSheet } from './excel-hidden-sheet';
import { SyncBudget, utf8Length } from './excel-sync-budget';
import type { AnnotationOutcome } from './port';
import { ROW_BLOCK } from './port';

/** Notes (ExcelApi 1.18) where the host has them, else the older threaded comments. */
export type NoteApi = 'notes' | 'comments';

/** Either API's object for one cell's note: both have `content` and `delete()`. */
type CellNote = Pick<Excel.Note, 'content' | 'delete' | 'isNullObject'>;

interface Probe {
  fill: Excel.RangeFill;
  note: CellNote | null;
  /** Replies under the cell's threaded comment (comments fallback). */
  replies: number;
  /** The cell has a threaded comment: with notes, none may be added there (a cell has one or the other). */
  thread: boolean;
}

const EXCEL_TOKEN = 'excel:';
const JSON_TOKEN = 'json:';

/** The plan's fill token of an Excel fill (same tokens as the .xlsx side for plain colours). */
function excelFillToken(fill: { color: string; pattern: string }): string | null {
  if (fill.pattern === 'None' || !fill.color) return null;
  if (fill.pattern === 'Solid') return fill.color.toUpperCase();
  return `${EXCEL_TOKEN}${fill.pattern}:${fill.color.toUpperCase()}`;
}

function restoreFill(fill: Excel.RangeFill, token: string | null): void {
  if (token === null) {
    fill.clear();
  } else if (token.startsWith(EXCEL_TOKEN)) {
    const [pattern, color] = token.slice(EXCEL_TOKEN.length).split(':');
    fill.color = color;
    fill.pattern = pattern as Excel.FillPattern;
  } else if (token.startsWith(JSON_TOKEN)) {
    // A fill remembered by the .xlsx writer (browser mode): keep its colour where it has one.
    const parsed = JSON.parse(token.slice(JSON_TOKEN.length)) as { fgColor?: { argb?: string } };
    const argb = parsed.fgColor?.argb;
    if (argb && /^[0-9A-Fa-f]{8}$/.test(argb)) fill.color = `#${argb.slice(2)}`;
    else fill.clear();
  } else {
    fill.color = token;
  }
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Bare A1 address of a location such as `'台账'!C7` or `Sheet1!$C$7`. */
function bareAddress(address: string): string {
  return address.slice(address.lastIndexOf('!') + 1).replace(/\$/g, '');
}

interface Thread {
  comment: CellNote;
  replies: number;
}

/** The sheet's threaded comments by cell, with their reply counts. Two syncs (one when there are none). */
async function loadThreads(context: Excel.RequestContext, sheet: Excel.Worksheet): Promise<Map<string, Thread>> {
  const collection = sheet.comments;
  collection.load('items/content');
  await context.sync();
  if (collection.items.length === 0) return new Map();
  const located = collection.items.map((comment) => ({
    comment,
    location: comment.getLocation().load('address'),
    replies: comment.replies.getCount(),
  }));
  await context.sync();
  return new Map(located.map(({ comment, location, replies }) => [bareAddress(location.address), { comment: comment as CellNote, replies: replies.value ?? 0 }]));
}

/** Fills and notes of `cells`: one sync per chunk of cells, plus the threaded comments list. */
async function probeCells(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  cells: string[],
  noteApi: NoteApi,
  chunkSize: number,
): Promise<Map<string, Probe>> {
  const probes = new Map<string, Probe>();
  // Threads are read in both modes: with notes to keep notes off them, with comments to be them.
  const threads = cells.length > 0 ? await loadThreads(context, sheet) : new Map<string, Thread>();
  for (const chunk of chunks(cells, chunkSize)) {
    const queued = chunk.map((cell) => {
      const fill = sheet.getRange(cell).format.fill;
      fill.load('color, pattern');
      let note: CellNote | null = null;
      if (noteApi === 'notes') note = sheet.notes.getItemOrNullObject(cell).load('content');
      return { cell, fill, note };
    });
    await context.sync();
    for (const { cell, fill, note } of queued) {
      const thread = threads.get(cell);
      probes.set(cell, {
        fill,
        note: noteApi === 'notes' ? (note && !note.isNullObject ? note : null) : (thread?.comment ?? null),
        replies: thread?.replies ?? 0,
        thread: thread !== undefined,
      });
    }
  }
  return probes;
}

function lookOf(probe: Probe): CellLook {
  return { fill: excelFillToken(probe.fill), note: probe.note ? probe.note.content || null : null };
}

/**
 * Sets or removes the cell's note. `ours` = the note there is the one we wrote last time. With
 * threaded comments (the fallback) a thread we did not write is never changed or deleted, nor one
 * with replies (deleting a comment deletes its replies: "Work with comments using the Excel
 * JavaScript API"); with notes, none is added where a thread is (a cell has one or the other).
 */
function setNote(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  cell: string,
  probe: Probe,
  text: string | null,
  noteApi: NoteApi,
  ours: boolean,
): void {
  if (noteApi === 'comments' && probe.note && (!ours || probe.replies > 0)) return;
  if (noteApi === 'notes' && probe.thread) return;
  if (text === null) {
    probe.note?.delete();
  } else if (probe.note) {
    probe.note.content = text;
  } else if (noteApi === 'notes') {
    sheet.notes.add(sheet.getRange(cell), text);
  } else {
    context.workbook.comments.add(sheet.getRange(cell), text);
  }
}

/**
 * Syncs: at most 2 (state sheet) + 1 per chunk of probed cells (+1 for the comments fallback)
 * + 1 per chunk of written cells + 1 — never one per row.
 */
export async function applyExcelAnnotations(
  context: Excel.RequestContext,
  sheetName: string,
  annotations: CellAnnotation[],
  noteApi: NoteApi,
  chunkSize = ROW_BLOCK,
): Promise<AnnotationOutcome> {
  const state = await readHiddenSheet(context, ANNOTATION_STATE_SHEET);
  const previous = memosFromRows(state.rows);
  const cells = [...new Set([...annotations.map((a) => a.cell), ...previous.filter((m) => m.sheet === sheetName).map((m) => m.cell)])];
  const sheet = context.workbook.worksheets.getItem(sheetName);
  const probes = await probeCells(context, sheet, cells, noteApi, chunkSize);
  const looks = new Map([...probes].map(([cell, probe]) => [cell, lookOf(probe)]));

  const plan = planAnnotations({
    sheet: sheetName,
    previous,
    annotations,
    fillFor: (a) => HIGHLIGHT[a.severity].fill.toUpperCase(),
    lookAt: (cell) => looks.get(cell) ?? { fill: null, note: null },
  });

  const painted = new Map(previous.filter((m) => m.sheet === sheetName).map((m) => [m.cell, m.paintedNote]));
  const isOurs = (cell: string) => {
    const note = looks.get(cell)?.note ?? null;
    return note !== null && note === painted.get(cell);
  };
  const budget = new SyncBudget(context, chunkSize);
  for (const step of plan.restore) {
    await budget.add(1, utf8Length(step.note ?? '') + 64);
    const probe = probes.get(step.cell)!;
    if (step.fill !== undefined) restoreFill(probe.fill, step.fill);
    if (step.note !== undefined) setNote(context, sheet, step.cell, probe, step.note, noteApi, isOurs(step.cell));
  }
  for (const step of plan.paint) {
    await budget.add(1, utf8Length(step.note) + 64);
    const probe = probes.get(step.cell)!;
    probe.fill.color = step.fill;
    setNote(context, sheet, step.cell, probe, step.note, noteApi, isOurs(step.cell));
  }
  await writeHiddenSheet(context, ANNOTATION_STATE_SHEET, plan.remember.length > 0 ? memosToRows(plan.remember) : [], state.exists);
  await budget.flush();

  const annotated = new Set(plan.paint.map((p) => p.cell));
  const cleared = previous.filter((m) => m.sheet === sheetName && !annotated.has(m.cell)).length;
  return { painted: plan.paint.length, cleared };
}
