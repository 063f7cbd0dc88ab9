import { DEFAULT_CAMPAIGN } from '../../shared';
import type { Campaign } from '../../shared/types';
import { buildMonthlyReport, isPublished, PACE_RULES, paceRuleInForce, ReportError } from '../../shared/report';
import { aggregate, completePoint, errorIssue, record } from './fixtures';

const campaign = DEFAULT_CAMPAIGN;
const GENERATED = '2017-06-02T01:00:00.000Z';
const build = (agg: ReturnType<typeof aggregate>, remarks?: string) =>
  buildMonthlyReport(agg, campaign, { generatedAt: GENERATED, remarks });
const point = (report: ReturnType<typeof build>, id: string) => {
  const p = report.points.find((x) => x.liaisonPointId === id);
  if (!p) throw new Error(`no point ${id}`);
  return p;
};
const requirement = (report: ReturnType<typeof build>, pointId: string, reqId: string) =>
  point(report, pointId).requirements.find((r) => r.requirementId === reqId)!;

describe('requirements', () => {
  it('a symposium without a branch meeting satisfies 座谈交流或支部生活会, with its date', () => {
    const report = build(aggregate('2017-05', completePoint('guizhou-bijie', '2017-04')));
    const r = requirement(report, 'guizhou-bijie', 'symposium-or-branch-meeting');
    expect(r).toMatchObject({ done: true, date: '2017-04-10', count: 1 });
    expect(point(report, 'guizhou-bijie')).toMatchObject({ complete: true, missing: [] });
  });

  it('a branch meeting alone satisfies it too', () => {
    const records = [
      record('ningxia-wuzhong', '2017-02-01', 'lecture'),
      record('ningxia-wuzhong', '2017-03-01', 'branch-meeting'),
      record('ningxia-wuzhong', '2017-03-09', 'veteran-visit'),
    ];
    expect(point(build(aggregate('2017-05', records)), 'ningxia-wuzhong').complete).toBe(true);
  });

  it('an errored record does not count, but is reported', () => {
    const lecture = record('beijing-haidian', '2017-05-03', 'lecture');
    lecture.issues = [errorIssue(lecture.row)];
    const records = [lecture, ...completePoint('beijing-haidian', '2017-05').slice(1)];
    const report = build(aggregate('2017-05', records));
    expect(requirement(report, 'beijing-haidian', 'lecture')).toMatchObject({ done: false, date: null });
    expect(point(report, 'beijing-haidian').missing).toEqual(['专题讲座']);
    expect(report.errorRecords).toBe(1);
    expect(report.provinces.find((p) => p.provinceId === 'beijing')).toMatchObject({
      recordCount: 3,
      errorRecordCount: 1,
    });
    expect(report.activities.monthTotal).toBe(2);
    expect(report.lectures.held).toBe(0);
    expect(report.narrative[2].paragraphs.join('')).toContain('现有1条活动记录存在错误');
  });

  it('the earliest counting activity gives the date; a warning does not stop a record counting', () => {
    const later = record('hainan-sanya', '2017-05-20', 'lecture');
    const earlier = record('hainan-sanya', '2017-02-14', 'lecture', {
      issues: [{ ...errorIssue(0), severity: 'warning', code: 'leader-missing' }],
    });
    const r = requirement(build(aggregate('2017-05', [later, earlier])), 'hainan-sanya', 'lecture');
    expect(r).toMatchObject({ done: true, date: '2017-02-14', count: 2 });
  });

  it('optional activities are listed by type and never missing', () => {
    const records = [
      record('shanxi-lvliang', '2017-03-01', 'grassroots-visit'),
      record('shanxi-lvliang', '2017-04-01', 'grassroots-visit'),
      record('shanxi-lvliang', '2017-05-01', 'authority-liaison'),
    ];
    const p = point(build(aggregate('2017-05', records)), 'shanxi-lvliang');
    expect(p.optional).toEqual([
      { type: 'grassroots-visit', label: '走访基层组织', count: 2 },
      { type: 'authority-liaison', label: '与有关部门沟通交流', count: 1 },
    ]);
    expect(p.optionalCount).toBe(3);
    expect(p.missing).toHaveLength(3);
    expect(p.monthCount).toBe(1);
    expect(p.cumulativeCount).toBe(3);
    expect(p.lastActivityDate).toBe('2017-05-01');
  });
});

describe('month and cumulative figures', () => {
  const records = [
    record('jiangsu-changzhou', '2017-01-15', 'lecture'),
    record('jiangsu-changzhou', '2017-05-02', 'lecture', { publication: '未刊发' }),
    record('jiangsu-changzhou', '2017-05-31', 'symposium'),
    record('jiangsu-changzhou', '2017-06-01', 'veteran-visit'),
    record('fujian-nanping', '2016-12-20', 'veteran-visit'),
  ];
  const report = build(aggregate('2017-05', records));

  it('counts the month and the period up to its last day only', () => {
    const lecture = report.activities.byType.find((t) => t.type === 'lecture')!;
    expect(lecture).toMatchObject({ month: 1, cumulative: 2, required: true, label: '专题讲座' });
    expect(report.activities.monthTotal).toBe(2);
    expect(report.activities.cumulativeTotal).toBe(3);
    expect(report.activities.byType.find((t) => t.type === 'veteran-visit')).toMatchObject({ month: 0, cumulative: 0 });
    expect(requirement(report, 'jiangsu-changzhou', 'veteran-visit').done).toBe(false);
    expect(requirement(report, 'fujian-nanping', 'veteran-visit').done).toBe(false);
  });

  it('tracks lecture publication', () => {
    expect(report.lectures).toEqual({ held: 2, published: 1 });
    expect(report.narrative[3].paragraphs.join('')).toContain('尚有1场未在会内媒体刊发');
  });

  it('lists unrecognised types only when there are some', () => {
    expect(report.activities.byType.some((t) => t.type === 'other')).toBe(false);
    const withOther = build(aggregate('2017-05', [record('beijing-haidian', '2017-05-05', 'other')]));
    expect(withOther.activities.byType.find((t) => t.type === 'other')).toMatchObject({ month: 1, required: false });
  });
});

describe('completion rate, both ways', () => {
  it('requirements done ÷ due and points complete ÷ points', () => {
    const records = [
      ...completePoint('beijing-haidian', '2017-03'),
      record('shanghai-jingan', '2017-03-02', 'lecture'),
      record('shanghai-jingan', '2017-04-02', 'veteran-visit'),
    ];
    const c = build(aggregate('2017-05', records)).completion;
    expect(c).toMatchObject({ requirementsDone: 5, requirementsDue: 36, pointsComplete: 1, pointCount: 12 });
    expect(c.requirementRate).toBeCloseTo(5 / 36);
    expect(c.pointRate).toBeCloseTo(1 / 12);
    expect(c.byRequirement.map((r) => [r.requirementId, r.done, r.due])).toEqual([
      ['lecture', 2, 12],
      ['symposium-or-branch-meeting', 1, 12],
      ['veteran-visit', 2, 12],
    ]);
  });

  it('follows a campaign with other points and requirements', () => {
    const small: Campaign = {
      ...campaign,
      points: campaign.points.slice(0, 2),
      requirements: campaign.requirements.slice(0, 1),
    };
    const agg = aggregate('2017-05', [record('beijing-haidian', '2017-03-02', 'lecture')], {}, small);
    const c = buildMonthlyReport(agg, small, { generatedAt: GENERATED }).completion;
    expect(c).toMatchObject({ requirementsDone: 1, requirementsDue: 2, pointsComplete: 1, pointCount: 2 });
    expect(c.pointRate).toBe(0.5);
  });
});

describe('submissions', () => {
  const agg = aggregate('2017-05', completePoint('guangdong-dongguan', '2017-05'), {
    guangdong: { late: true, submittedAt: '2017-06-09T03:00:00.000Z', version: 3 },
    heilongjiang: { submitted: false },
  });
  const report = build(agg);

  it('flags a late province and one that did not submit', () => {
    expect(report.late).toEqual(['guangdong']);
    expect(report.notSubmitted).toEqual(['heilongjiang']);
    expect(report.provinces.find((p) => p.provinceId === 'guangdong')).toMatchObject({
      state: 'late',
      stateLabel: '逾期报送',
      version: 3,
    });
    expect(report.provinces.find((p) => p.provinceId === 'heilongjiang')).toMatchObject({
      state: 'missing',
      stateLabel: '未报送',
      submittedAt: null,
    });
    expect(report.provinces.filter((p) => p.state === 'on-time')).toHaveLength(10);
  });

  it('says so in the narrative', () => {
    const text = report.narrative.flatMap((s) => s.paragraphs).join('\n');
    expect(text).toContain('已报送11个（其中逾期报送1个），未报送1个');
    expect(text).toContain('黑龙江省本月未报送台账；广东省逾期报送');
    expect(text).toContain('请黑龙江省尽快补报2017年5月台账');
    expect(text).toContain('各省级组织于2017年7月5日前报送2017年6月台账');
  });

  it("gives each point its latest submission, a coordinating province's included", () => {
    const coordinated: Campaign = {
      ...campaign,
      points: campaign.points.map((p) =>
        p.id === 'hainan-sanya' ? { ...p, coordinatingProvinceIds: ['guangdong'] } : p,
      ),
    };
    const r = buildMonthlyReport({ ...agg, campaignId: coordinated.id }, coordinated, { generatedAt: GENERATED });
    expect(r.points.find((p) => p.liaisonPointId === 'hainan-sanya')!.lastSubmissionAt).toBe('2017-06-09T03:00:00.000Z');
    expect(r.points.find((p) => p.liaisonPointId === 'heilongjiang-daqing')!.lastSubmissionAt).toBeNull();
    expect(r.points.find((p) => p.liaisonPointId === 'beijing-haidian')!.lastSubmissionAt).toBe('2017-06-02T02:00:00.000Z');
  });
});

describe('pace', () => {
  const records = [...completePoint('beijing-haidian', '2017-02'), record('shanghai-jingan', '2017-02-02', 'lecture')];
  const at = (month: string) => build(aggregate(month, records));

  it.each([
    ['2017-03', null],
    ['2017-05', null],
    ['2017-06', 'attention'],
    ['2017-08', 'attention'],
    ['2017-09', 'behind'],
    ['2017-12', 'behind'],
  ])('in %s a point still missing a requirement is %s', (month, level) => {
    const report = at(month);
    expect(point(report, 'shanghai-jingan').pace).toBe(level);
    expect(requirement(report, 'shanghai-jingan', 'veteran-visit').pace).toBe(level);
    expect(requirement(report, 'shanghai-jingan', 'lecture').pace).toBeNull();
    expect(point(report, 'beijing-haidian').pace).toBeNull();
  });

  it('is explained from the rules, and named in 存在问题 once in force', () => {
    const report = at('2017-10');
    expect(report.pace.explanation).toContain('已过6个月（活动期间过半）');
    expect(report.pace.explanation).toContain('已过9个月（第三季度末）');
    const problems = report.narrative[2].paragraphs.join('');
    expect(problems).toContain('列为“滞后”');
    expect(problems).toContain('仍有11个联系点规定动作未完成');
    expect(at('2017-05').narrative[2].paragraphs.join('')).toContain('距活动期间过半还有1个月');
  });

  it('picks the strictest rule in force', () => {
    expect(paceRuleInForce(0.49)).toBeNull();
    expect(paceRuleInForce(0.5)?.level).toBe('attention');
    expect(paceRuleInForce(1)?.level).toBe('behind');
    expect(paceRuleInForce(0.9, [PACE_RULES[1]])?.level).toBe('attention');
  });
});

describe('narrative', () => {
  it('has the four sections of a work report, with figures from the model', () => {
    const records = [...completePoint('beijing-haidian', '2017-05'), record('shanxi-lvliang', '2017-04-04', 'lecture')];
    const report = build(aggregate('2017-05', records), '请各省级组织于6月底前报送典型材料。');
    expect(report.narrative.map((s) => s.heading)).toEqual(['一、总体情况', '二、各联系点进展', '三、存在问题', '四、下一步工作']);
    const overview = report.narrative[0].paragraphs.join('');
    expect(overview).toContain('2017年5月，12个联系点共开展活动3次（专题讲座1次、座谈交流1次、看望老同志1次）');
    expect(overview).toContain('截至2017年5月31日，累计开展活动4次');
    expect(overview).toContain('已完成全部规定动作的1个，联系点完成率8.3%');
    expect(overview).toContain('应完成规定动作36项，已完成4项，完成率11.1%');
    expect(report.narrative[1].paragraphs.join('')).toContain(
      '11个联系点规定动作尚未全部完成，详见表3。其中，尚缺座谈交流或支部生活会的11个，尚缺看望老同志的11个，尚缺专题讲座的10个。',
    );
    expect(report.remarks).toBe('请各省级组织于6月底前报送典型材料。');
    expect(report.generatedAt).toBe(GENERATED);
  });

  it('changes its numbers with the data (none are typed)', () => {
    const one = build(aggregate('2017-05', completePoint('beijing-haidian', '2017-05')));
    const two = build(aggregate('2017-05', [...completePoint('beijing-haidian', '2017-05'), ...completePoint('hainan-sanya', '2017-05')]));
    expect(one.narrative[0].paragraphs[0]).toContain('共开展活动3次');
    expect(two.narrative[0].paragraphs[0]).toContain('共开展活动6次');
    expect(two.narrative[0].paragraphs[1]).toContain('完成率16.7%');
  });
});

describe('input checks', () => {
  it('refuses an aggregate of another campaign', () => {
    const agg = { ...aggregate('2017-05', []), campaignId: 'other' };
    expect(() => build(agg)).toThrow(ReportError);
    expect(() => build(agg)).toThrow(/不一致/);
  });

  it('refuses a malformed month', () => {
    try {
      build({ ...aggregate('2017-05', []), month: '2017-5' });
      throw new Error('no error');
    } catch (e) {
      expect(e).toBeInstanceOf(ReportError);
      expect((e as ReportError).code).toBe('report-month-invalid');
      expect((e as ReportError).messageEn).toContain('YYYY-MM');
    }
  });
});

it.each([
  ['民进中央网站 2017-04-02', true],
  ['《民进》杂志', true],
  ['', false],
  [null, false],
  ['未刊发', false],
  ['待刊发', false],
  ['无', false],
])('isPublished(%p) is %p', (text, expected) => {
  expect(isPublished(text)).toBe(expected);
});
