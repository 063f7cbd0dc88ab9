// What makes two records the same activity: the same point, date and type, and the same theme once
// written the same way (full-width letters, spaces, quotes and punctuation do not matter). Traditional
// and simplified spellings of a theme are not merged: one tracker is written one way, and converting
// every title would cost more than the rest of the check.
import type { TrackerRecord } from './types';

// Spaces and punctuation, ASCII, general, CJK and full-width (quotes, 《》, 、，。（）): not the theme.
const NOT_LETTERS = /[\s!-/:-@[-`{-~\u00a0-\u00bf\u2000-\u206f\u3000-\u303f\ufe30-\ufe4f\uff00-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65]+/g;
// Full-width letters and digits: the only characters left that NFKC changes in a theme.
const FULL_WIDTH = /[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]/;
// The check asks for each record's key twice (validation, counting): computed once per record.
const keys = new WeakMap<TrackerRecord, string | null>();

/** The theme as compared: the title, else the summary, normalised; '' when neither is written. */
export function normalisedTheme(r: Pick<TrackerRecord, 'title' | 'summary'>): string {
  const text = r.title ?? r.summary ?? '';
  const bare = text.replace(NOT_LETTERS, '');
  return (FULL_WIDTH.test(bare) ? bare.normalize('NFKC') : bare).toLowerCase();
}

/** The key two records share when they are one activity; null when the record lacks a point, a
 *  date or a type (it cannot be compared, and does not count anyway). */
export function activityKey(r: TrackerRecord): string | null {
  if (r.liaisonPointId === null || r.date === null || r.type === null) return null;
  let key = keys.get(r);
  if (key === undefined) keys.set(r, (key = `${r.liaisonPointId}|${r.date}|${r.type}|${normalisedTheme(r)}`));
  return key;
}
