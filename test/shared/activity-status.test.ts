// Reading what became of an activity from the words people write (shared/activity-status.ts).
import { statusOfDescription, statusOfText } from '../../shared/activity-status';
import type { ActivityStatus } from '../../shared';

const SHORT_TEXTS: [string, ActivityStatus | null][] = [
  ['已完成', 'done'],
  ['完成', 'done'],
  ['按计划完成', 'done'],
  ['原计划3月，已于4月举办', 'done'],
  ['延期至4月18日举行，已完成', 'done'],
  ['已于4月18日举行（原定3月，因故推迟）', 'done'],
  ['计划内活动，已完成', 'done'],
  ['未延期，如期举行', 'done'],
  ['已於4月舉辦', 'done'],
  ['已取消', 'cancelled'],
  ['因故取消', 'cancelled'],
  ['未开展', 'cancelled'],
  ['未舉行', 'cancelled'],
  ['原定3月举办，已取消', 'cancelled'],
  ['已于3月取消', 'cancelled'],
  ['延期', 'postponed'],
  ['推迟至6月', 'postponed'],
  ['暫緩', 'postponed'],
  ['延後舉行', 'postponed'],
  ['（延期）', 'postponed'],
  ['已取消，改期另行通知', 'postponed'],
  ['计划5月完成', 'planned'],
  ['拟于5月举办', 'planned'],
  ['擬於５月舉辦', 'planned'],
  ['待定', 'planned'],
  ['尚未开展', 'planned'],
  ['尚未完成', 'planned'],
  ['未完成', 'planned'],
  ['原计划4月上旬', null],
  ['取消原定座谈，改为看望老同志', null],
  ['计划生育协会', null],
  ['拟定工作方案', null],
  ['无', null],
  ['', null],
];

test.each(SHORT_TEXTS)('%s → %s', (text, status) => {
  expect(statusOfText(text)).toBe(status);
});

test.each<[string, ActivityStatus | null]>([
  ['3月16日下午，罗副主席在吕梁市委会作专题讲座，计划下半年再次开展调研', null],
  ['拟于5月开展专题讲座', 'planned'],
  ['3月16日，拟举办专题讲座', 'planned'],
  ['原定3月16日举办的专题讲座因故取消', 'cancelled'],
  // Traditional: passed over by the quick look only when no marker could be there.
  ['原定3月舉辦的講座延後', 'postponed'],
  ['計劃下月舉辦專題講座', 'planned'],
  ['暫未開展', 'planned'],
  ['舉辦專題講座', null],
])('a description: %s → %s', (text, status) => {
  expect(statusOfDescription(text)).toBe(status);
});
