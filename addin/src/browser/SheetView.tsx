// Browser mode's sheet view: the workbook as a grid, so a user sees and fixes a problem without leaving
// the page. Rows are virtualised (@tanstack/react-virtual: only the rows on screen are in the DOM), so a
// 20,000-row tracker scrolls smoothly. Cells show the workbook's own fills — a checked tracker's problem
// cells are red or yellow exactly as in Excel — and a cell's note appears on hover (its tooltip) and, for
// the selected cell, in the bar under the grid, which screen readers announce.
// The grid is one tab stop (aria-activedescendant names the selected cell); arrows move, Enter/F2 edit.
import { Button, Field, Select, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { columnLetter } from '../../../shared/columns';
import { HIGHLIGHT } from '../../../shared/highlight';
import type { SheetSource } from '../../workbook/sheet-source';
import { parseCell } from '../../workbook/a1';
import { ActionStatus } from '../components/ActionStatus';
import { useAction } from '../components/use-action';
import { usePanelStyles } from '../components/styles';
import { useT } from '../i18n';

export interface CellTarget {
  sheet: string;
  cell: string;
  /** Changes on every request, so the same cell can be shown twice. */
  serial: number;
}

export interface SheetViewProps {
  source: SheetSource;
  sheets: string[];
  initialSheet: string;
  target: CellTarget | null;
  /** Writes the text, re-checks the row; resolves to what to tell the user. */
  onEdit: (sheet: string, row: number, col: number, text: string) => Promise<string>;
}

const ROW_HEIGHT = 28;
const HEADER_WIDTH = 56;
/** A column the sheet leaves at Excel's default width still shows a date or a short name whole here
 *  (Excel's own 64 px would cut CJK text to three characters). */
const pxOfWidth = (chars: number | null) => Math.min(480, Math.max(96, Math.round((chars ?? 12) * 8 + 5)));

const useStyles = makeStyles({
  scroller: {
    position: 'relative',
    height: 'min(60vh, 560px)',
    overflow: 'auto',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  // Sticky on the row group, not the row: a sticky box cannot leave its parent.
  headerGroup: { position: 'sticky', top: 0, zIndex: 2 },
  headerRow: {
    display: 'flex',
    height: `${ROW_HEIGHT}px`,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  row: { position: 'absolute', left: 0, display: 'flex', height: `${ROW_HEIGHT}px` },
  cell: {
    boxSizing: 'border-box',
    flexShrink: 0,
    height: `${ROW_HEIGHT}px`,
    lineHeight: `${ROW_HEIGHT - 2}px`,
    paddingLeft: tokens.spacingHorizontalXS,
    paddingRight: tokens.spacingHorizontalXS,
    overflow: 'hidden',
    whiteSpace: 'nowrap',
    textOverflow: 'ellipsis',
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground1,
  },
  noted: {
    // Excel marks a cell with a note by a small red triangle in its corner.
    backgroundImage: 'linear-gradient(225deg, #C00000 5px, transparent 5px)',
  },
  heading: {
    position: 'sticky',
    left: 0,
    zIndex: 1,
    textAlign: 'center',
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    fontWeight: tokens.fontWeightSemibold,
  },
  selected: { outline: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`, outlineOffset: '-2px' },
  editor: { width: '100%', height: '100%', boxSizing: 'border-box', fontSize: tokens.fontSizeBase200, border: 'none', padding: 0 },
  noteBar: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
    minHeight: '3em',
    padding: tokens.spacingHorizontalS,
    backgroundColor: tokens.colorNeutralBackground2,
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
  },
  legend: { display: 'inline-flex', alignItems: 'center', columnGap: tokens.spacingHorizontalXS },
  swatch: { display: 'inline-block', width: '1em', height: '1em', border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}` },
});

interface Selection {
  row: number;
  col: number;
}

export function SheetView({ source, sheets, initialSheet, target, onEdit }: SheetViewProps) {
  const t = useT();
  const styles = useStyles();
  const panel = usePanelStyles();
  const gridId = useId();
  const [sheet, setSheet] = useState(sheets.includes(initialSheet) ? initialSheet : sheets[0]);
  const [selected, setSelected] = useState<Selection>({ row: 1, col: 1 });
  const [editing, setEditing] = useState<string | null>(null);
  const [, setVersion] = useState(0);
  const [saved, setSaved] = useState<string | null>(null);
  const scroller = useRef<HTMLDivElement>(null);
  const committing = useRef(false);
  /** Escape (or Enter, which commits itself) must not commit again when the editor loses focus. */
  const skipBlur = useRef(false);
  const edit = useAction();

  const { rows, cols } = source.size(sheet);
  const widths = Array.from({ length: cols }, (_, i) => pxOfWidth(source.columnWidth(sheet, i + 1)));
  const totalWidth = HEADER_WIDTH + widths.reduce((a, b) => a + b, 0);
  const virtualizer = useVirtualizer({
    count: rows,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    // The sticky header takes the first row's height.
    scrollPaddingStart: ROW_HEIGHT,
    overscan: 8,
  });

  const moveTo = (next: Selection, focus = false) => {
    const clamped = { row: Math.min(Math.max(1, next.row), rows), col: Math.min(Math.max(1, next.col), cols) };
    setSelected(clamped);
    virtualizer.scrollToIndex(clamped.row - 1, { align: 'auto' });
    if (focus) scroller.current?.focus();
  };

  useEffect(() => {
    if (!target) return;
    const { row, col } = parseCell(target.cell);
    if (target.sheet !== sheet && sheets.includes(target.sheet)) setSheet(target.sheet);
    setSelected({ row: row + 1, col: col + 1 });
    setEditing(null);
    // After the sheet (and so the row count) switched, scroll and take the focus.
    requestAnimationFrame(() => {
      virtualizer.scrollToIndex(row, { align: 'center' });
      scroller.current?.focus();
    });
  }, [target?.serial]);

  const address = (s: Selection) => `${columnLetter(s.col - 1)}${s.row}`;
  const cellId = (s: Selection) => `${gridId}-${s.row}-${s.col}`;
  const current = source.cell(sheet, selected.row, selected.col);

  const startEditing = (text: string) => {
    skipBlur.current = false;
    setEditing(text);
  };

  const commit = (text: string) => {
    if (committing.current) return;
    committing.current = true;
    const at = selected;
    setEditing(null);
    void edit
      .run(async () => {
        setSaved(null);
        setSaved(await onEdit(sheet, at.row, at.col, text));
        setVersion((v) => v + 1);
      })
      .finally(() => {
        committing.current = false;
        scroller.current?.focus();
      });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (editing !== null) return;
    const page = Math.max(1, Math.floor((scroller.current?.clientHeight ?? 300) / ROW_HEIGHT) - 1);
    const moves: Record<string, Selection> = {
      ArrowUp: { row: selected.row - 1, col: selected.col },
      ArrowDown: { row: selected.row + 1, col: selected.col },
      ArrowLeft: { row: selected.row, col: selected.col - 1 },
      ArrowRight: { row: selected.row, col: selected.col + 1 },
      PageUp: { row: selected.row - page, col: selected.col },
      PageDown: { row: selected.row + page, col: selected.col },
      Home: { row: event.ctrlKey ? 1 : selected.row, col: 1 },
      End: { row: event.ctrlKey ? rows : selected.row, col: cols },
    };
    if (moves[event.key]) {
      event.preventDefault();
      moveTo(moves[event.key]);
    } else if (event.key === 'Enter' || event.key === 'F2') {
      event.preventDefault();
      startEditing(current.text);
    }
  };

  const items = virtualizer.getVirtualItems();
  const selectedRendered = items.some((item) => item.index === selected.row - 1);
  const columns = Array.from({ length: cols }, (_, i) => i + 1);

  return (
    <div className={panel.panel}>
      <div className={panel.row}>
        {sheets.length > 1 && (
          <Field label={t('sheet.pick')}>
            <Select value={sheet} onChange={(_, data) => { setSheet(data.value); setSelected({ row: 1, col: 1 }); }}>
              {sheets.map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </Select>
          </Field>
        )}
        <Text>{t('sheet.rows', { rows })}</Text>
        <span className={styles.legend}>
          <span className={styles.swatch} style={{ backgroundColor: HIGHLIGHT.error.fill }} />
          <Text size={200}>{t('sheet.legendError')}</Text>
          <span className={styles.swatch} style={{ backgroundColor: HIGHLIGHT.warning.fill }} />
          <Text size={200}>{t('sheet.legendWarning')}</Text>
        </span>
      </div>
      <Text size={200}>{t('sheet.hint')}</Text>
      <div
        ref={scroller}
        role="grid"
        aria-label={t('sheet.gridLabel', { sheet })}
        aria-rowcount={rows + 1}
        aria-colcount={cols + 1}
        aria-activedescendant={selectedRendered && editing === null ? cellId(selected) : undefined}
        tabIndex={0}
        className={styles.scroller}
        onKeyDown={onKeyDown}
        data-testid="sheet-grid"
      >
        <div role="rowgroup" className={styles.headerGroup} style={{ width: totalWidth }}>
          <div role="row" aria-rowindex={1} className={styles.headerRow} style={{ width: totalWidth }}>
            <div role="columnheader" className={mergeClasses(styles.cell, styles.heading)} style={{ width: HEADER_WIDTH }}>
              <span aria-hidden="true">#</span>
            </div>
            {columns.map((col) => (
              <div key={col} role="columnheader" aria-colindex={col + 1} className={mergeClasses(styles.cell, styles.heading)} style={{ width: widths[col - 1], position: 'static' }}>
                {columnLetter(col - 1)}
              </div>
            ))}
          </div>
        </div>
        <div role="rowgroup" style={{ height: virtualizer.getTotalSize(), width: totalWidth, position: 'relative' }}>
          {items.map((item) => {
            const row = item.index + 1;
            return (
              <div key={item.key} role="row" aria-rowindex={row + 1} className={styles.row} style={{ top: item.start, width: totalWidth }}>
                <div role="rowheader" className={mergeClasses(styles.cell, styles.heading)} style={{ width: HEADER_WIDTH }}>
                  {row}
                </div>
                {columns.map((col) => {
                  const at = { row, col };
                  const view = source.cell(sheet, row, col);
                  const isSelected = row === selected.row && col === selected.col;
                  return (
                    <div
                      key={col}
                      id={cellId(at)}
                      role="gridcell"
                      aria-colindex={col + 1}
                      aria-selected={isSelected}
                      aria-description={view.note ?? undefined}
                      title={view.note ?? undefined}
                      className={mergeClasses(styles.cell, view.note ? styles.noted : undefined, isSelected && styles.selected)}
                      style={{ width: widths[col - 1], backgroundColor: view.fill ?? undefined, color: view.color ?? undefined }}
                      onMouseDown={() => moveTo(at, true)}
                      onDoubleClick={() => startEditing(view.text)}
                    >
                      {isSelected && editing !== null ? (
                        <input
                          className={styles.editor}
                          aria-label={t('sheet.edit', { cell: address(at) })}
                          autoFocus
                          value={editing}
                          onChange={(event) => setEditing(event.target.value)}
                          onBlur={() => {
                            if (!skipBlur.current) commit(editing);
                          }}
                          onKeyDown={(event) => {
                            if (event.key === 'Enter') {
                              event.preventDefault();
                              skipBlur.current = true;
                              commit(editing);
                            } else if (event.key === 'Escape') {
                              event.preventDefault();
                              skipBlur.current = true;
                              setEditing(null);
                              scroller.current?.focus();
                            }
                          }}
                        />
                      ) : (
                        view.text
                      )}
                    </div>
                  );
                })}
              </div>
            );
          })}
        </div>
      </div>
      <div className={styles.noteBar} aria-live="polite" data-testid="sheet-note">
        <Text weight="semibold">{t('sheet.selected', { cell: address(selected), text: current.text || t('sheet.empty') })}</Text>
        {current.note && <Text as="p">{current.note}</Text>}
      </div>
      <div className={panel.row}>
        <Button onClick={() => startEditing(current.text)} disabled={editing !== null || edit.state.busy}>
          {t('sheet.edit', { cell: address(selected) })}
        </Button>
      </div>
      <ActionStatus state={edit.state} label={t('common.working')} success={saved} />
    </div>
  );
}
