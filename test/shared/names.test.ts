// Issue 13, item 8: one name per province and point (the pane said 宁夏自治区 beside 宁夏回族自治区).
import { DEFAULT_CAMPAIGN, matchLiaisonPoint, parseCampaign } from '../../shared';
import { pointDisplayName } from '../../shared/names';

describe('one name per province and point', () => {
  test('a point names its province as the campaign does', () => {
    expect(pointDisplayName('民进宁夏自治区吴忠市委员会', '宁夏回族自治区')).toBe('民进宁夏回族自治区吴忠市委员会');
    expect(pointDisplayName('民进宁夏自治区吴忠市委员会', '宁夏回族自治区')).toBe('民进宁夏回族自治区吴忠市委员会');
    // A city named like its province is a city: 吉林市 stays.
    expect(pointDisplayName('民进吉林市委员会', '吉林省')).toBe('民进吉林市委员会');
    expect(pointDisplayName('民进贵州省毕节市工委', '贵州省')).toBe('民进贵州省毕节市工委');
    // A province not known as such, or a point not starting with it, is left alone.
    expect(pointDisplayName('民进吴忠市委员会', '宁夏回族自治区')).toBe('民进吴忠市委员会');
    expect(pointDisplayName('民进某某委员会', '某省')).toBe('民进某某委员会');
  });

  test('the default campaign and a campaign the office edits both say 宁夏回族自治区; the old form still matches', () => {
    const ningxia = DEFAULT_CAMPAIGN.points.find((p) => p.id === 'ningxia-wuzhong')!;
    expect(ningxia.name).toBe('民进宁夏回族自治区吴忠市委员会');
    const edited = parseCampaign({ ...DEFAULT_CAMPAIGN, points: DEFAULT_CAMPAIGN.points.map((p) => (p.id === 'ningxia-wuzhong' ? { ...p, name: '民进宁夏自治区吴忠市委员会' } : p)) });
    expect(edited.points.find((p) => p.id === 'ningxia-wuzhong')!.name).toBe('民进宁夏回族自治区吴忠市委员会');
    expect(matchLiaisonPoint('民进宁夏自治区吴忠市委员会', DEFAULT_CAMPAIGN)?.id).toBe('ningxia-wuzhong');
  });
});
