// The narrative reads like a person wrote it: share words follow the figures (one rule), groups
// instead of repeated names, no stray punctuation.
import { DEFAULT_CAMPAIGN } from '../../shared';
import { buildMonthlyReport } from '../../shared/report';
import { shareWord } from '../../shared/report/wording';
import { aggregate, completePoint, record, type StatusSpec } from './fixtures';

const campaign = DEFAULT_CAMPAIGN;
const build = (agg: ReturnType<typeof aggregate>) => buildMonthlyReport(agg, campaign, { generatedAt: '2017-06-02T01:00:00.000Z' });
const text = (r: ReturnType<typeof build>, section: number) => r.narrative[section].paragraphs.join('\n');
const allText = (r: ReturnType<typeof build>) => r.narrative.flatMap((s) => s.paragraphs).join('\n');

/** The first `n` provinces did not submit. */
function missingProvinces(n: number) {
  const statuses: Record<string, StatusSpec> = {};
  for (const p of campaign.provinces.slice(0, n)) statuses[p.id] = { submitted: false };
  return statuses;
}

describe('shareWord', () => {
  it.each([
    [0, 12, '无'],
    [1, 12, '个别'],
    [2, 12, '个别'],
    [3, 12, '部分'],
    [5, 12, '部分'],
    [6, 12, '半数'],
    [7, 12, '多数'],
    [9, 12, '多数'],
    [11, 12, '多数'],
    [12, 12, '全部'],
    [2, 3, '多数'],
    [1, 2, '半数'],
  ])('%i of %i is %s', (count, total, word) => expect(shareWord(count, total)).toBe(word));
});

describe('province submissions in 存在问题', () => {
  const problemsWith = (n: number) => text(build(aggregate('2017-05', [], missingProvinces(n))), 2);
  const names = (n: number) => campaign.provinces.slice(0, n).map((p) => p.name);

  it('1 of 12: 个别, named', () => {
    expect(problemsWith(1)).toContain(`个别省级组织未按时报送台账。${names(1)[0]}本月未报送台账。`);
  });
  it('2 of 12: 个别, named', () => {
    expect(problemsWith(2)).toContain(`个别省级组织未按时报送台账。${names(2).join('、')}本月未报送台账。`);
  });
  it('6 of 12: 半数, counted with the table named instead of six names', () => {
    const t = problemsWith(6);
    expect(t).toContain('半数省级组织未按时报送台账。6个省级组织本月未报送台账，详见表4。');
    for (const name of names(6)) expect(t).not.toContain(name);
  });
  it('9 of 12 (the bug: 「个别」 for nine): 多数', () => {
    expect(problemsWith(9)).toContain('多数省级组织未按时报送台账。9个省级组织本月未报送台账，详见表4。');
  });
  it('12 of 12: all of them', () => {
    expect(problemsWith(12)).toContain('各省级组织均未按时报送台账。12个省级组织本月未报送台账，详见表4。');
  });
});

describe('points in 各联系点进展', () => {
  it('10 points missing the same requirements: counted once, grouped, no name repeated', () => {
    const complete = ['beijing-haidian', 'guizhou-bijie'];
    const report = build(aggregate('2017-05', complete.flatMap((id) => completePoint(id, '2017-05'))));
    const progress = text(report, 1);
    expect(progress).toContain('10个联系点规定动作尚未全部完成，详见表3。上述联系点均尚缺专题讲座、座谈交流或支部生活会、看望老同志。');
    // Bug: the same missing list was repeated after each of the point names.
    expect(progress.match(/尚缺/g)).toHaveLength(1);
    const incompleteNames = report.points.filter((p) => !p.complete).map((p) => p.name);
    for (const name of incompleteNames) expect(allText(report)).not.toContain(name);
  });

  it('lists by missing requirement when that is shorter', () => {
    const records = [
      ...completePoint('beijing-haidian', '2017-05'),
      record('shanxi-lvliang', '2017-05-02', 'lecture'),
      record('shanxi-lvliang', '2017-05-03', 'symposium'),
      record('liaoning-fushun', '2017-05-02', 'lecture'),
      record('liaoning-fushun', '2017-05-03', 'symposium'),
    ];
    const progress = text(build(aggregate('2017-05', records)), 1);
    // The other nine miss everything: by requirement is shorter than by set of missing requirements.
    expect(progress).toContain('其中，尚缺看望老同志的11个，尚缺专题讲座的9个，尚缺座谈交流或支部生活会的9个。');
  });

  it('lists the point names by their missing set when that is shorter', () => {
    const all = campaign.points.map((p) => p.id);
    const records = all.flatMap((id) => completePoint(id, '2017-05'));
    // Two points lack only the veteran visit.
    const without = records.filter((r) => !(['shanxi-lvliang', 'liaoning-fushun'].includes(r.liaisonPointId!) && r.type === 'veteran-visit'));
    const report = build(aggregate('2017-05', without));
    const [lvliang, fushun] = ['shanxi-lvliang', 'liaoning-fushun'].map((id) => report.points.find((p) => p.liaisonPointId === id)!.name);
    expect(text(report, 1)).toContain(`2个联系点规定动作尚未全部完成，详见表3。其中，${lvliang}、${fushun}尚缺看望老同志。`);
    // Each name once in the whole narrative.
    expect(allText(report).split(lvliang)).toHaveLength(2);
  });
});

describe('punctuation', () => {
  const reports = [0, 1, 6, 12].map((n) =>
    build(aggregate('2017-05', completePoint('beijing-haidian', '2017-05'), missingProvinces(n))),
  );
  it.each(reports.map((r, i) => [i, r] as const))('report %i: no empty sentence, doubled or leading mark', (_, r) => {
    for (const p of r.narrative.flatMap((s) => s.paragraphs)) {
      expect(p).not.toMatch(/^[，。、；：）]|[，。、；：]{2}|。）|（）|：。/u);
      expect(p.trim()).not.toBe('。');
      expect(p).toMatch(/[。”]$/u);
    }
  });
});
