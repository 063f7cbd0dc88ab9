// What makes two records the same activity: the same point, date and type, and the same theme once
// written the same way (full-width letters, spaces, quotes and punctuation do not matter). Traditional
// and simplified spellings of a theme are not merged: one tracker is written one way, and converting
// every title would cost more than the rest of the check.
import type { TrackerRecord } from './types';

const NOT_LETTERS = /[^\p{L}\p{N}]+/gu;
// Full-width forms and the ideographic space: the only characters NFKC changes in a theme.
const FULL_WIDTH = /[\u3000\uff01-\uffee]/u;
// The check asks for each record's key twice (validation, counting): computed once per record.
const keys = new WeakMap<TrackerRecord, string | null>();

/** The theme as compared: the title, else the summary, normalised; '' when neither is written. */
export function normalisedTheme(r: Pick<TrackerRecord, 'title' | 'summary'>): string {
  const text = r.title ?? r.summary ?? '';
  return (FULL_WIDTH.test(text) ? text.normalize('NFKC') : text).replace(NOT_LETTERS, '').toLowerCase();
}

/** The key two records share when they are one activity; null when the record lacks a point, a
 *  date or a type (it cannot be compared, and does not count anyway). */
export function activityKey(r: TrackerRecord): string | null {
  if (r.liaisonPointId === null || r.date === null || r.type === null) return null;
  let key = keys.get(r);
  if (key === undefined) keys.set(r, (key = `${r.liaisonPointId}|${r.date}|${r.type}|${normalisedTheme(r)}`));
  return key;
}
