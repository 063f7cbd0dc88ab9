// What a submission changes in the snapshot it replaces, so nobody replaces a full tracker with an
// empty one by accident.
//
// The identity of an activity is (liaison point, date, type, normalised title): the point's id (or
// its text as written when unrecognised), the ISO date (or the date text), the type code (or the
// type text), and the title through normalizeText (full-width, traditional and spacing differences
// are the same title). Where the sheet row is does not matter: a row that moved is no change.
// Two records with the same identity are "changed" when any other field differs; the cell texts as
// written (dateText…) are how a value was typed, not what it says, so 2017.3.15 → 2017-03-15 is no change. A record whose
// title alone was corrected would otherwise be removed and added; so, when exactly one record was
// left on each side for a (point, date, type), the two are paired as a change.
import { normalizeText } from './text';
import type { TrackerRecord } from './types';

export interface ChangedRecord {
  previous: TrackerRecord;
  next: TrackerRecord;
  /** The fields whose values differ (row, sheet and the typed cell texts never count). */
  fields: string[];
}

export interface SnapshotDiff {
  previousCount: number;
  nextCount: number;
  added: TrackerRecord[];
  removed: TrackerRecord[];
  changed: ChangedRecord[];
  unchanged: number;
}

/** Where a record sits in its sheet, and how its cells were typed: not part of what it says. */
const POSITION_FIELDS = new Set(['row', 'sheet', 'liaisonPointText', 'dateText', 'typeText', 'participantsText']);

const norm = (s: string | null | undefined): string => (s ? normalizeText(s) : '');

function eventKey(r: TrackerRecord): string {
  return JSON.stringify([r.liaisonPointId ?? `?${norm(r.liaisonPointText)}`, r.date ?? `?${norm(r.dateText)}`, r.type ?? `?${norm(r.typeText)}`]);
}

/** The stable identity of an activity (see the top of this file). */
export function activityIdentity(r: TrackerRecord): string {
  return `${eventKey(r)}|${norm(r.title)}`;
}

function contentFields(a: TrackerRecord, b?: TrackerRecord): string[] {
  const keys = new Set([...Object.keys(a), ...Object.keys(b ?? {})]);
  return [...keys].filter((k) => !POSITION_FIELDS.has(k)).sort();
}

// Compared again and again while pairing: computed once per record object.
const contents = new WeakMap<TrackerRecord, string>();

/** Everything a record says, without where it sits; absent and null are the same. */
export function recordContent(r: TrackerRecord): string {
  let content = contents.get(r);
  if (content === undefined) {
    const values = r as unknown as Record<string, unknown>;
    content = JSON.stringify(contentFields(r).map((k) => [k, values[k] ?? null]).filter(([, v]) => v !== null));
    contents.set(r, content);
  }
  return content;
}

function differingFields(a: TrackerRecord, b: TrackerRecord): string[] {
  const va = a as unknown as Record<string, unknown>;
  const vb = b as unknown as Record<string, unknown>;
  return contentFields(a, b).filter((k) => JSON.stringify(va[k] ?? null) !== JSON.stringify(vb[k] ?? null));
}

function groupBy(records: readonly TrackerRecord[], key: (r: TrackerRecord) => string): Map<string, TrackerRecord[]> {
  const groups = new Map<string, TrackerRecord[]>();
  for (const r of records) {
    const k = key(r);
    const group = groups.get(k);
    if (group) group.push(r);
    else groups.set(k, [r]);
  }
  return groups;
}

const byPosition = (a: TrackerRecord, b: TrackerRecord): number =>
  (a.sheet ?? '').localeCompare(b.sheet ?? '') || a.row - b.row;

/** Content-first order, so pairing within an identity does not depend on the rows' order. */
const byContent = (a: TrackerRecord, b: TrackerRecord): number => {
  const ca = recordContent(a);
  const cb = recordContent(b);
  return ca < cb ? -1 : ca > cb ? 1 : 0;
};

export function diffSnapshots(previous: readonly TrackerRecord[], next: readonly TrackerRecord[]): SnapshotDiff {
  const changed: ChangedRecord[] = [];
  let unchanged = 0;
  const leftPrevious: TrackerRecord[] = [];
  const leftNext: TrackerRecord[] = [];
  const nextGroups = groupBy(next, activityIdentity);
  for (const [identity, before] of groupBy(previous, activityIdentity)) {
    const after = [...(nextGroups.get(identity) ?? [])];
    nextGroups.delete(identity);
    const rest: TrackerRecord[] = [];
    for (const p of before) {
      const same = after.findIndex((n) => recordContent(n) === recordContent(p));
      if (same >= 0) {
        after.splice(same, 1);
        unchanged++;
      } else rest.push(p);
    }
    rest.sort(byContent);
    after.sort(byContent);
    const pairs = Math.min(rest.length, after.length);
    for (let i = 0; i < pairs; i++) changed.push({ previous: rest[i], next: after[i], fields: differingFields(rest[i], after[i]) });
    leftPrevious.push(...rest.slice(pairs));
    leftNext.push(...after.slice(pairs));
  }
  for (const group of nextGroups.values()) leftNext.push(...group);

  // A corrected title: the only record left on each side for one (point, date, type).
  const removed: TrackerRecord[] = [];
  const added: TrackerRecord[] = [];
  const nextByEvent = groupBy(leftNext, eventKey);
  for (const [event, before] of groupBy(leftPrevious, eventKey)) {
    const after = nextByEvent.get(event) ?? [];
    nextByEvent.delete(event);
    if (before.length === 1 && after.length === 1) {
      changed.push({ previous: before[0], next: after[0], fields: differingFields(before[0], after[0]) });
    } else {
      removed.push(...before);
      added.push(...after);
    }
  }
  for (const group of nextByEvent.values()) added.push(...group);

  return {
    previousCount: previous.length,
    nextCount: next.length,
    added: added.sort(byPosition),
    removed: removed.sort(byPosition),
    changed: changed.sort((a, b) => byPosition(a.next, b.next)),
    unchanged,
  };
}

/** The previous snapshot with the diff applied: the next snapshot's records, in some order. */
export function applySnapshotDiff(previous: readonly TrackerRecord[], diff: SnapshotDiff): TrackerRecord[] {
  const out = [...previous];
  const take = (r: TrackerRecord) => {
    const at = out.findIndex((o) => recordContent(o) === recordContent(r));
    if (at < 0) throw new Error(`diff does not fit: ${recordContent(r)} is not in the previous snapshot`);
    out.splice(at, 1);
  };
  diff.removed.forEach(take);
  for (const c of diff.changed) {
    take(c.previous);
    out.push(c.next);
  }
  out.push(...diff.added);
  return out;
}

/** Whether replacing needs an explicit confirmation: it removes records (emptying a non-empty
 *  snapshot removes all of them). */
export function removesRecords(diff: SnapshotDiff): boolean {
  return diff.removed.length > 0;
}
