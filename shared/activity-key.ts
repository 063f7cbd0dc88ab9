// What makes two records the same activity: the same point, date and type, and the same theme once
// written the same way (full-width, traditional, spaces, quotes and punctuation do not matter).
import { normalizeText } from './text';
import type { TrackerRecord } from './types';

const NOT_LETTERS = /[^\p{L}\p{N}]+/gu;

/** The theme as compared: the title, else the summary, normalised; '' when neither is written. */
export function normalisedTheme(r: Pick<TrackerRecord, 'title' | 'summary'>): string {
  const text = r.title ?? r.summary ?? '';
  return normalizeText(text).replace(NOT_LETTERS, '');
}

/** The key two records share when they are one activity; null when the record lacks a point, a
 *  date or a type (it cannot be compared, and does not count anyway). */
export function activityKey(r: TrackerRecord): string | null {
  if (r.liaisonPointId === null || r.date === null || r.type === null) return null;
  return `${r.liaisonPointId}|${r.date}|${r.type}|${normalisedTheme(r)}`;
}
