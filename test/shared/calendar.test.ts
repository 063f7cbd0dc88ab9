import { campaignMonths, currentCampaignMonth, DEFAULT_CAMPAIGN, defaultAsOf, monthEnd, monthLabel, nextMonth, type Campaign } from '../../shared';

describe('calendar', () => {
  test('month ends, leap years included', () => {
    expect(monthEnd('2017-02')).toBe('2017-02-28');
    expect(monthEnd('2016-02')).toBe('2016-02-29');
    expect(monthEnd('2017-12')).toBe('2017-12-31');
    expect(nextMonth('2017-12')).toBe('2018-01');
    expect(monthLabel('2017-05')).toBe('2017年5月');
  });

  test("the campaign's months, across a year end too", () => {
    expect(campaignMonths(DEFAULT_CAMPAIGN)).toEqual(Array.from({ length: 12 }, (_, i) => `2017-${String(i + 1).padStart(2, '0')}`));
    const winter: Campaign = { ...DEFAULT_CAMPAIGN, period: { start: '2017-11-15', end: '2018-02-10' } };
    expect(campaignMonths(winter)).toEqual(['2017-11', '2017-12', '2018-01', '2018-02']);
  });

  test("today's month held inside the period, as China's calendar has it", () => {
    expect(currentCampaignMonth(DEFAULT_CAMPAIGN, new Date('2017-05-20T12:00:00Z'))).toBe('2017-05');
    // 20:00 UTC on 31 May is already 1 June in Beijing.
    expect(currentCampaignMonth(DEFAULT_CAMPAIGN, new Date('2017-05-31T20:00:00Z'))).toBe('2017-06');
    expect(currentCampaignMonth(DEFAULT_CAMPAIGN, new Date('2016-01-01T00:00:00Z'))).toBe('2017-01');
    expect(currentCampaignMonth(DEFAULT_CAMPAIGN, new Date('2025-01-01T00:00:00Z'))).toBe('2017-12');
  });

  test('the default as-of date is today, held to the campaign end', () => {
    expect(defaultAsOf(DEFAULT_CAMPAIGN, new Date(2017, 4, 20, 12))).toBe('2017-05-20');
    expect(defaultAsOf(DEFAULT_CAMPAIGN, new Date(2026, 10, 26, 12))).toBe('2017-12-31');
  });
});
