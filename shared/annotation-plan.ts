// Deciding how to (re)annotate a tracker sheet, for the `.xlsx` writer and the Excel add-in alike.
// We paint problem cells and attach a note; on the next check the cells whose problems are gone
// get back what they had before — but only the properties still showing what we put there, so a
// fill or note the user set in between is never overwritten.
//
// Fills and notes are opaque tokens here (`#RRGGBB` for a plain solid fill; an adapter may encode
// other fills its own way): the plan only compares them. `null` means "none".

import { cellSafeText } from './sanitize';
import type { CellAnnotation } from './sheet-model';

/** The very-hidden sheet in which a workbook remembers what we annotated (one row per cell). */
export const ANNOTATION_STATE_SHEET = 'LiaisonTrackerAnnotations';

/** The state sheet's header row; rows below follow AnnotationMemo's field order. */
const ANNOTATION_STATE_HEADERS = ['sheet', 'cell', 'originalFill', 'originalNote', 'paintedFill', 'paintedNote'];

/** What a cell looks like, as far as annotating is concerned. */
export interface CellLook {
  fill: string | null;
  note: string | null;
}

/** One annotated cell: what it had before us, and what we put there. */
export interface AnnotationMemo {
  sheet: string;
  cell: string;
  originalFill: string | null;
  originalNote: string | null;
  paintedFill: string;
  paintedNote: string;
}

export interface AnnotationPlan {
  /** Cells to give back their own look; a property left `undefined` is to be left alone. */
  restore: { cell: string; fill?: string | null; note?: string | null }[];
  /** Cells to paint. */
  paint: { cell: string; fill: string; note: string }[];
  /** The whole new state to remember (other sheets' memos kept as they were). */
  remember: AnnotationMemo[];
}

export interface AnnotationPlanInput {
  sheet: string;
  /** Every memo the workbook remembers (any sheet). */
  previous: AnnotationMemo[];
  annotations: CellAnnotation[];
  /** The fill token for a severity's highlight. */
  fillFor: (annotation: CellAnnotation) => string;
  /** How a cell looks now. */
  lookAt: (cell: string) => CellLook;
}

export function planAnnotations(input: AnnotationPlanInput): AnnotationPlan {
  const { sheet, previous, annotations, fillFor, lookAt } = input;
  const before = new Map<string, AnnotationMemo>();
  const remember: AnnotationMemo[] = [];
  for (const memo of previous) {
    if (memo.sheet === sheet) before.set(memo.cell, memo);
    else remember.push(memo);
  }

  const paint: AnnotationPlan['paint'] = [];
  const annotated = new Set<string>();
  for (const annotation of annotations) {
    if (annotated.has(annotation.cell)) continue;
    annotated.add(annotation.cell);
    const look = lookAt(annotation.cell);
    const memo = before.get(annotation.cell);
    // A property still showing our last paint was the user's original underneath; anything
    // else is what the user has now.
    const originalFill = memo && look.fill === memo.paintedFill ? memo.originalFill : look.fill;
    const originalNote = memo && look.note === memo.paintedNote ? memo.originalNote : look.note;
    const fill = fillFor(annotation);
    // The note as the cell will hold it, so the next check recognises its own paint.
    const note = cellSafeText(annotation.note);
    paint.push({ cell: annotation.cell, fill, note });
    remember.push({ sheet, cell: annotation.cell, originalFill, originalNote, paintedFill: fill, paintedNote: note });
  }

  const restore: AnnotationPlan['restore'] = [];
  for (const memo of before.values()) {
    if (annotated.has(memo.cell)) continue;
    const look = lookAt(memo.cell);
    const step: AnnotationPlan['restore'][number] = { cell: memo.cell };
    if (look.fill === memo.paintedFill) step.fill = memo.originalFill;
    if (look.note === memo.paintedNote) step.note = memo.originalNote;
    if (step.fill !== undefined || step.note !== undefined) restore.push(step);
  }
  return { restore, paint, remember };
}

/** Memos as state-sheet rows (header first); `''` stands for none. */
export function memosToRows(memos: AnnotationMemo[]): string[][] {
  return [
    ANNOTATION_STATE_HEADERS,
    ...memos.map((m) => [m.sheet, m.cell, m.originalFill ?? '', m.originalNote ?? '', m.paintedFill, m.paintedNote].map((t) => cellSafeText(t))),
  ];
}

/** Memos from state-sheet rows; rows that are not memos (header, damaged) are skipped. */
export function memosFromRows(rows: unknown[][]): AnnotationMemo[] {
  const text = (v: unknown): string => (v === null || v === undefined ? '' : String(v));
  const memos: AnnotationMemo[] = [];
  for (const row of rows) {
    const [sheet, cell, originalFill, originalNote, paintedFill, paintedNote] = row.map(text);
    if (!sheet || !/^[A-Z]{1,3}[1-9][0-9]*$/.test(cell) || !paintedFill) continue;
    memos.push({
      sheet,
      cell,
      originalFill: originalFill || null,
      originalNote: originalNote || null,
      paintedFill,
      paintedNote,
    });
  }
  return memos;
}
