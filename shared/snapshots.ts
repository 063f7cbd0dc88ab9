// Month snapshots. A submission is a province's whole tracker as of a reporting month; a month can be
// submitted several times (versions). For month M the current snapshot of a province is the newest
// version of the LATEST month ≤ M it submitted: a correction sent for an older month becomes that
// month's newest version and never displaces a later month's snapshot.
import type { IsoMonth } from './types';

/** One stored submission version of a province. */
export interface SnapshotRef {
  provinceId: string;
  month: IsoMonth;
  version: number;
  submissionId: string;
  submittedAt: string;
}

/** The snapshot that stands for `provinceId` in `month`, or undefined when it submitted nothing up to then. */
export function currentSnapshotOf<T extends SnapshotRef>(versions: readonly T[], provinceId: string, month: IsoMonth): T | undefined {
  let best: T | undefined;
  for (const v of versions) {
    if (v.provinceId !== provinceId || v.month > month) continue;
    if (!best || v.month > best.month || (v.month === best.month && v.version > best.version)) best = v;
  }
  return best;
}
