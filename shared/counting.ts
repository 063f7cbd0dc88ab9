// What counts towards the requirements — the ONE rule the check's completeness, the central
// aggregate and the monthly report all apply, so they can never disagree. A record counts when:
// it carries no error; it names a point that is wanted and, for a province's submission, is the
// province's own or one it coordinates; it is done (not cancelled, postponed or planned); it has a
// type and a date within the campaign period, not after the as-of date; and it is not a repeat of an
// activity already counted (same point, date, type and theme).
import { activityKey } from './activity-key';
import { reportablePointIds } from './campaign';
import type { ActivityStatus, Campaign, IsoDate, NotCountedReason, TrackerRecord } from './types';

/** A record without a status is done. */
export function isDone(r: { status?: ActivityStatus }): boolean {
  return r.status === undefined || r.status === 'done';
}

export interface CountingOptions<R extends TrackerRecord> {
  /** Activities dated after this day do not count (yet). */
  asOf?: IsoDate;
  /** The points counted for; every point of the campaign when absent. */
  pointIds?: Iterable<string>;
  /** Whether the record carries an error issue. */
  hasError: (record: R) => boolean;
  /** The province that submitted the record, when it came in a submission. */
  provinceOf?: (record: R) => string | undefined;
}

export interface CountedActivities<R extends TrackerRecord> {
  /** The records that count, in the order given. */
  counted: R[];
  /** Records of a wanted point without errors that still do not count, and why. */
  notCounted: { record: R; reason: NotCountedReason }[];
}

export function countActivities<R extends TrackerRecord>(
  records: readonly R[],
  campaign: Campaign,
  opts: CountingOptions<R>,
): CountedActivities<R> {
  const { start, end } = campaign.period;
  const wanted = new Set(opts.pointIds ?? campaign.points.map((p) => p.id));
  const reportable = new Map<string, Set<string>>();
  const mayReport = (provinceId: string, pointId: string): boolean => {
    let points = reportable.get(provinceId);
    if (!points) reportable.set(provinceId, (points = reportablePointIds(campaign, provinceId)));
    return points.has(pointId);
  };
  const seen = new Set<string>();
  const out: CountedActivities<R> = { counted: [], notCounted: [] };
  for (const r of records) {
    if (opts.hasError(r)) continue;
    const point = r.liaisonPointId;
    if (point === null || !wanted.has(point)) continue;
    const provinceId = opts.provinceOf?.(r);
    if (provinceId !== undefined && !mayReport(provinceId, point)) continue;
    if (r.status !== undefined && r.status !== 'done') {
      out.notCounted.push({ record: r, reason: r.status });
      continue;
    }
    if (r.date === null || r.type === null || r.date < start || r.date > end) continue;
    if (opts.asOf !== undefined && r.date > opts.asOf) continue;
    const key = activityKey(r)!;
    if (seen.has(key)) {
      out.notCounted.push({ record: r, reason: 'duplicate' });
      continue;
    }
    seen.add(key);
    out.counted.push(r);
  }
  return out;
}
