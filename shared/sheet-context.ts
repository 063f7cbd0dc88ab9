// What a sheet says about all its rows outside the table: the point and the year its name, its
// title (or the file's name) give — 毕节市工委2017年台账.
import { plainRow } from './cells';
import { matchLiaisonPoint } from './match';
import type { Campaign, Grid } from './types';

// A year written as one (2018年, 2018年度); a bare 2018 may be anything.
const YEAR = /(?:^|[^0-9])((?:19|20)[0-9]{2})\s*年/gu;

/** The sheet's name, the file's, and the texts of the rows above `beforeRow` (0-based). */
export function contextTexts(grid: Grid, beforeRow: number, names: (string | undefined)[]): string[] {
  const texts = names.filter((n): n is string => typeof n === 'string' && n.trim() !== '');
  for (let r = 0; r < beforeRow && r < grid.length; r++) {
    for (const v of plainRow(grid[r] ?? [])) if (typeof v === 'string' && v.trim() !== '') texts.push(v);
  }
  return texts;
}

/** The one point the texts name, or null when they name none or several. */
export function pointFromTexts(texts: string[], campaign: Campaign): string | null {
  const found = new Set<string>();
  for (const t of texts) {
    const point = matchLiaisonPoint(t, campaign);
    if (point) found.add(point.id);
  }
  return found.size === 1 ? found.values().next().value! : null;
}

/** The one year the texts give, or null when they give none or several. */
export function yearFromTexts(texts: string[]): number | null {
  const found = new Set<number>();
  for (const t of texts) for (const m of t.matchAll(YEAR)) found.add(Number(m[1]));
  return found.size === 1 ? found.values().next().value! : null;
}
