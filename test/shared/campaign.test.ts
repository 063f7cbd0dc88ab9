import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CampaignError, DEFAULT_CAMPAIGN, importPlan, parseCampaign } from '../../shared';

const SEED = readFileSync(join(__dirname, '../fixtures/plan-2017-batch-4.txt'), 'utf8');

describe('DEFAULT_CAMPAIGN', () => {
  test('is DOMAIN.md’s batch 4', () => {
    expect(DEFAULT_CAMPAIGN.id).toBe('2017-batch-4');
    expect(DEFAULT_CAMPAIGN.period).toEqual({ start: '2017-01-01', end: '2017-12-31' });
    expect(DEFAULT_CAMPAIGN.points.map((p) => p.id)).toEqual([
      'beijing-haidian', 'shanghai-jingan', 'shanxi-lvliang', 'liaoning-fushun', 'heilongjiang-daqing', 'jiangsu-changzhou',
      'fujian-nanping', 'guangdong-dongguan', 'hainan-sanya', 'guizhou-bijie', 'shaanxi-weinan', 'ningxia-wuzhong',
    ]);
    expect(DEFAULT_CAMPAIGN.provinces.map((p) => p.id)).toEqual([
      'beijing', 'shanghai', 'shanxi', 'liaoning', 'heilongjiang', 'jiangsu', 'fujian', 'guangdong', 'hainan', 'guizhou', 'shaanxi', 'ningxia',
    ]);
    expect(DEFAULT_CAMPAIGN.provinces.at(-1)!.name).toBe('宁夏回族自治区');
    expect(DEFAULT_CAMPAIGN.requirements.map((r) => [r.id, r.types])).toEqual([
      ['lecture', ['lecture']],
      ['symposium-or-branch-meeting', ['symposium', 'branch-meeting']],
      ['veteran-visit', ['veteran-visit']],
    ]);
    expect(DEFAULT_CAMPAIGN.submissionDueDay).toBe(5);
  });
  test('passes its own validation unchanged', () => {
    expect(parseCampaign(DEFAULT_CAMPAIGN)).toEqual(DEFAULT_CAMPAIGN);
    expect(parseCampaign(JSON.stringify(DEFAULT_CAMPAIGN))).toEqual(DEFAULT_CAMPAIGN);
  });
});

describe('parseCampaign', () => {
  const base = JSON.parse(JSON.stringify(DEFAULT_CAMPAIGN)) as Record<string, unknown>;
  const withLeader = { ...base, points: [{ id: 'p1', name: '民进三亚市委', provinceId: 'hainan', leader: '王五', leaderTitle: '兼职副主席', coordinatingProvinceIds: ['guangdong'] }] };

  test('keeps leaders, titles, coordinating provinces and aliases', () => {
    const c = parseCampaign(withLeader);
    expect(c.points[0]).toEqual({ id: 'p1', name: '民进三亚市委', provinceId: 'hainan', leader: '王五', leaderTitle: '兼职副主席', coordinatingProvinceIds: ['guangdong'] });
  });
  test('defaults requirements and the due day', () => {
    const { requirements: _r, submissionDueDay: _d, ...rest } = base;
    const c = parseCampaign(rest);
    expect(c.requirements.map((r) => r.id)).toEqual(['lecture', 'symposium-or-branch-meeting', 'veteran-visit']);
    expect(c.submissionDueDay).toBe(5);
  });

  test.each<[string, unknown, string, string]>([
    ['not JSON', '{', 'campaign-json-invalid', ''],
    ['not an object', [1], 'campaign-not-object', ''],
    ['no id', { ...base, id: '' }, 'campaign-field-missing', 'id'],
    ['id with a slash', { ...base, id: 'a/b' }, 'campaign-field-invalid', 'id'],
    ['no period', { ...base, period: undefined }, 'campaign-field-missing', 'period'],
    ['bad date', { ...base, period: { start: '2017-02-30', end: '2017-12-31' } }, 'campaign-period-invalid', 'period.start'],
    ['start after end', { ...base, period: { start: '2018-01-01', end: '2017-12-31' } }, 'campaign-period-invalid', 'period'],
    ['duplicate point', { ...base, points: [...(base.points as object[]), (base.points as object[])[0]] }, 'campaign-duplicate-id', 'points[12].id'],
    ['unknown province', { ...base, points: [{ id: 'x', name: 'x', provinceId: 'zhejiang' }] }, 'campaign-unknown-province', 'points[0].provinceId'],
    ['no points', { ...base, points: [] }, 'campaign-field-missing', 'points'],
    ['unknown type', { ...base, requirements: [{ id: 'r', name: 'r', minCount: 1, types: ['dance'] }] }, 'campaign-unknown-type', 'requirements[0].types[0]'],
    ['minCount 0', { ...base, requirements: [{ id: 'r', name: 'r', minCount: 0, types: ['lecture'] }] }, 'campaign-field-invalid', 'requirements[0].minCount'],
    ['due day 31', { ...base, submissionDueDay: 31 }, 'campaign-field-invalid', 'submissionDueDay'],
  ])('rejects %s', (_, json, code, path) => {
    let error: unknown;
    try {
      parseCampaign(json);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CampaignError);
    const e = error as CampaignError;
    expect([e.code, e.path]).toEqual([code, path]);
    expect(e.message).toMatch(/[\u4e00-\u9fff]/);
    expect(e.messageEn).toMatch(/[a-z]/);
  });
});

describe('importPlan', () => {
  test('the seed notice gives exactly the default campaign', () => {
    const c = importPlan(SEED);
    expect(c.id).toBe(DEFAULT_CAMPAIGN.id);
    expect(c.name).toBe(DEFAULT_CAMPAIGN.name);
    expect(c.period).toEqual(DEFAULT_CAMPAIGN.period);
    expect(c.points).toEqual(DEFAULT_CAMPAIGN.points);
    expect(c.provinces).toEqual(DEFAULT_CAMPAIGN.provinces);
    expect(c.requirements).toEqual(DEFAULT_CAMPAIGN.requirements);
    expect(parseCampaign(c)).toEqual(c);
  });

  test('the seed with Windows line ends and full-width spaces', () => {
    const c = importPlan(SEED.replace(/\n/g, '\r\n').replace(/民進/g, '　民進'));
    expect(c.points.map((p) => p.id)).toEqual(DEFAULT_CAMPAIGN.points.map((p) => p.id));
  });

  test('garbled characters in front of a name do not lose the point', () => {
    const c = importPlan(SEED.replace('民進北京市海淀區委員會', '?。民進北京市海淀區委員會'));
    expect(c.points[0]).toEqual(DEFAULT_CAMPAIGN.points[0]);
  });

  test('cities it cannot romanise get numbered ids; periods across years', () => {
    const c = importPlan(
      ['关于第五批联系点的通知', '时间：2018年3月-2019年2月', '附件', '民进浙江省丽水市委员会', '民进浙江省衢州市委员会', '民进北京市海淀区委员会'].join('\n'),
    );
    expect(c.id).toBe('2018-batch-5');
    expect(c.period).toEqual({ start: '2018-03-01', end: '2019-02-28' });
    expect(c.points.map((p) => p.id)).toEqual(['zhejiang-1', 'zhejiang-2', 'beijing-haidian']);
    expect(c.provinces).toEqual([{ id: 'zhejiang', name: '浙江省' }, { id: 'beijing', name: '北京市' }]);
  });

  test('several names on a line; provincial organisations are not points; no 附件 list', () => {
    const c = importPlan('时间：2017年\n民进北京市委员会负责协调。\n联系点：民进北京市海淀区委员会、民进上海市静安区委员会。');
    expect(c.period).toEqual({ start: '2017-01-01', end: '2017-12-31' });
    expect(c.points.map((p) => p.id)).toEqual(['beijing-haidian', 'shanghai-jingan']);
    expect(c.id).toBe('2017-plan');
  });

  test.each<[string, string]>([
    ['no period', '附件\n民进北京市海淀区委员会'],
    ['no points', '时间：2017年1月-12月\n附件\n民进中央'],
    ['empty', ''],
  ])('throws a CampaignError for %s', (name, text) => {
    expect(() => importPlan(text)).toThrow(CampaignError);
    try {
      importPlan(text);
    } catch (e) {
      expect((e as CampaignError).code).toBe(name === 'no points' ? 'plan-no-points' : 'plan-no-period');
    }
  });
});
