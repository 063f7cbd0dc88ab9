import { DEFAULT_CAMPAIGN, matchLiaisonPoint, matchProvince, parseCampaign, trackerProvince, type TrackerRecord } from '../../shared';

const C = DEFAULT_CAMPAIGN;

describe('matchLiaisonPoint', () => {
  test.each<[string, string]>([
    ['民进北京市海淀区委员会', 'beijing-haidian'],
    ['海淀区', 'beijing-haidian'],
    ['海淀', 'beijing-haidian'],
    ['民进海淀区委', 'beijing-haidian'],
    ['民进海淀区委员会', 'beijing-haidian'],
    ['北京市海淀区', 'beijing-haidian'],
    ['北京海淀', 'beijing-haidian'],
    ['民進北京市海淀區委員會', 'beijing-haidian'],
    ['海 淀 区', 'beijing-haidian'],
    ['　海淀区　', 'beijing-haidian'],
    ['beijing-haidian', 'beijing-haidian'],
    ['BEIJING-HAIDIAN', 'beijing-haidian'],
    ['民进贵州省毕节市工委', 'guizhou-bijie'],
    ['毕节', 'guizhou-bijie'],
    ['毕节市', 'guizhou-bijie'],
    ['毕节市工委', 'guizhou-bijie'],
    ['畢節', 'guizhou-bijie'],
    ['畢節(jié)市工委', 'guizhou-bijie'],
    ['畢節（jié）', 'guizhou-bijie'],
    ['民進貴州省畢節(jié)市工委', 'guizhou-bijie'],
    ['静安区', 'shanghai-jingan'],
    ['靜安', 'shanghai-jingan'],
    ['吕梁', 'shanxi-lvliang'],
    ['呂梁市', 'shanxi-lvliang'],
    ['撫順', 'liaoning-fushun'],
    ['大慶市委', 'heilongjiang-daqing'],
    ['常州', 'jiangsu-changzhou'],
    ['南平市委员会', 'fujian-nanping'],
    ['东莞', 'guangdong-dongguan'],
    ['東莞市', 'guangdong-dongguan'],
    ['三亚', 'hainan-sanya'],
    ['陜西省渭南市', 'shaanxi-weinan'],
    ['渭南', 'shaanxi-weinan'],
    ['民进宁夏回族自治区吴忠市委员会', 'ningxia-wuzhong'],
    ['寧夏吳忠', 'ningxia-wuzhong'],
    ['吴忠', 'ningxia-wuzhong'],
    ['?。民進北京市海淀區委員會', 'beijing-haidian'],
    ['??民进贵州省毕节市工委', 'guizhou-bijie'],
    ['�?進上海市靜安區委員會', 'shanghai-jingan'],
    ['民进三亚市委联系点', 'hainan-sanya'],
  ])('%s → %s', (text, id) => {
    expect(matchLiaisonPoint(text, C)?.id).toBe(id);
  });

  test.each(['', '   ', '北京', '民进北京市委员会', '民进中央', '海口', '朝阳区', '海淀 常州', '???', 'x'])('no point for %p', (text) => {
    expect(matchLiaisonPoint(text, C)).toBeNull();
  });

  test('ambiguous short names match nothing', () => {
    const campaign = parseCampaign({
      ...C,
      provinces: [{ id: 'jilin', name: '吉林省' }, { id: 'beijing', name: '北京市' }],
      points: [
        { id: 'jilin-chaoyang', name: '民进吉林省长春市朝阳区委员会', provinceId: 'jilin' },
        { id: 'beijing-chaoyang', name: '民进北京市朝阳区委员会', provinceId: 'beijing' },
      ],
    });
    expect(matchLiaisonPoint('朝阳区', campaign)).toBeNull();
    expect(matchLiaisonPoint('民进北京市朝阳区委员会', campaign)?.id).toBe('beijing-chaoyang');
  });

  test('aliases from the campaign count', () => {
    const campaign = parseCampaign({ ...C, points: C.points.map((p) => (p.id === 'hainan-sanya' ? { ...p, aliases: ['鹿城'] } : p)) });
    expect(matchLiaisonPoint('鹿城', campaign)?.id).toBe('hainan-sanya');
  });
});

describe('matchProvince', () => {
  test.each<[string, string]>([
    ['北京市', 'beijing'],
    ['北京', 'beijing'],
    ['beijing', 'beijing'],
    ['民进北京市委', 'beijing'],
    ['民进北京市委员会', 'beijing'],
    ['宁夏', 'ningxia'],
    ['宁夏回族自治区', 'ningxia'],
    ['宁夏自治区', 'ningxia'],
    ['寧夏', 'ningxia'],
    ['陕西', 'shaanxi'],
    ['陝西省', 'shaanxi'],
    ['山西', 'shanxi'],
    ['黑龙江省', 'heilongjiang'],
    ['貴州省毕节市', 'guizhou'],
  ])('%s → %s', (text, id) => {
    expect(matchProvince(text, C)?.id).toBe(id);
  });
  test.each(['', '浙江', '中央', '?'])('no province for %p', (text) => {
    expect(matchProvince(text, C)).toBeNull();
  });
});

describe('trackerProvince', () => {
  const rec = (liaisonPointId: string | null) => ({ ...emptyRecord(), liaisonPointId });
  function emptyRecord(): TrackerRecord {
    return { row: 2, liaisonPointId: null, date: null, type: null, leader: null, title: null, participants: null, summary: null, publication: null, materials: null, filledBy: null, remarks: null };
  }

  it('is the province most of the records belong to', () => {
    const records = [rec('guizhou-bijie'), rec('beijing-haidian'), rec('guizhou-bijie'), rec(null), rec('nowhere')];
    expect(trackerProvince(records, DEFAULT_CAMPAIGN)).toBe('guizhou');
  });

  it('is null when no record names a point of the campaign', () => {
    expect(trackerProvince([rec(null), rec('nowhere')], DEFAULT_CAMPAIGN)).toBeNull();
  });
});
