// Which mode the pane starts in, its language, and the message catalogue's completeness.
import { detectHost } from '../../../addin/src/host';
import { describeError } from '../../../addin/src/services/describe-error';
import { catalogueKeys, issueText, pickLang, translate } from '../../../addin/src/i18n';
import { DEFAULT_CAMPAIGN, validateRecords } from '../../../shared';
import type { TrackerRecord } from '../../../shared/types';

describe('host detection', () => {
  test('no office.js (CDN unreachable) → browser mode in the browser\'s language', async () => {
    await expect(detectHost({ navigator: { language: 'en-GB' } })).resolves.toEqual({ mode: 'browser', displayLanguage: 'en-GB', documentName: null });
  });

  test('office.js outside Office (no host) → browser mode', async () => {
    const Office = { onReady: async () => ({ host: null, platform: null }), HostType: { Excel: 'Excel' } };
    await expect(detectHost({ Office, navigator: { language: 'zh-CN' } })).resolves.toMatchObject({ mode: 'browser' });
  });

  test('Excel → add-in mode with Office\'s display language and the workbook\'s name', async () => {
    const Office = {
      onReady: async () => ({ host: 'Excel', platform: 'PC' }),
      HostType: { Excel: 'Excel' },
      context: { displayLanguage: 'en-US', document: { url: 'https://contoso.sharepoint.com/docs/%E5%8F%B0%E8%B4%A6.xlsx' } },
    };
    await expect(detectHost({ Office, navigator: { language: 'zh-CN' } })).resolves.toEqual({
      mode: 'excel',
      displayLanguage: 'en-US',
      documentName: '台账.xlsx',
    });
  });

  test('an onReady that never answers falls back to browser mode', async () => {
    const Office = { onReady: () => new Promise<never>(() => undefined) };
    await expect(detectHost({ Office }, 20)).resolves.toMatchObject({ mode: 'browser' });
  });
});

describe('language and catalogue', () => {
  test.each([
    ['zh-CN', 'zh'],
    ['zh-TW', 'zh'],
    ['en-US', 'en'],
    ['en', 'en'],
    ['fr-FR', 'zh'],
    [null, 'zh'],
  ])('%s → %s', (display, lang) => expect(pickLang(display)).toBe(lang));

  test('every message has Chinese and English with the same placeholders', () => {
    for (const key of catalogueKeys) {
      const zh = translate('zh', key);
      const en = translate('en', key);
      expect(zh.trim()).not.toBe('');
      expect(en.trim()).not.toBe('');
      expect(/[\u4e00-\u9fff]/.test(zh)).toBe(true);
      const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(names(en)).toEqual(names(zh));
    }
  });

  test('placeholders are filled', () => {
    expect(translate('zh', 'submit.done', { version: 3, count: 12 })).toBe('报送成功：第 3 版，共 12 条记录。');
  });
});

describe('issue texts', () => {
  const record = (patch: Partial<TrackerRecord>): TrackerRecord => ({
    row: 8, liaisonPointId: 'guizhou-bijie', liaisonPointText: '毕节', date: '2017-03-15', dateText: null, type: 'symposium', typeText: '座谈会',
    leader: '张三', title: '座谈', participants: null, participantsText: null, summary: null, publication: null, materials: null, filledBy: null, remarks: null,
    ...patch,
  } as TrackerRecord);
  const columns = { liaisonPoint: 'B', date: 'C', type: 'D' };

  test.each([
    ['zh', { dateText: '2017：3', date: null }, '无法识别活动日期'],
    ['en', { dateText: '2017: 3', date: null }, 'The activity date cannot be read'],
    ['zh', { leader: null }, '缺少参加领导。'],
    ['en', { leader: null }, 'The leader who took part is missing.'],
  ] as const)('%s: the form drops the row and cell of %j, whatever the quoted value holds', (lang, patch, start) => {
    const [issue] = validateRecords([record(patch)], DEFAULT_CAMPAIGN, columns);
    expect(issueText(lang, issue)).toMatch(lang === 'zh' ? /^第8行/ : /^Row 8/);
    expect(issueText(lang, issue, false).startsWith(start)).toBe(true);
  });
});

describe('errors in the pane', () => {
  // office.js errors carry English only; the ones staff can fix themselves must say how, in their language.
  const officeError = (code: string) => Object.assign(new Error('The operation failed.'), { name: 'RichApi.Error', code });

  test.each([
    ['InvalidOperationInCellEditMode', /Enter 或 Esc/],
    ['AccessDenied', /撤销工作表保护/],
    ['RequestPayloadSizeLimitExceeded', /多余的空行/],
    ['ItemNotFound', /重新查找/],
  ])('%s → what to do, in Chinese', (code, expected) => {
    const text = describeError(officeError(code), 'zh');
    expect(text).toMatch(expected);
    expect(text).not.toContain('operation failed');
  });

  test('anything else still reaches the user, with what to try', () => {
    expect(describeError(officeError('GeneralException'), 'zh')).toBe(
      '出现意外错误：The operation failed.。请重试；如仍出错，请关闭后重新打开本页面或加载项。',
    );
    expect(describeError(officeError('InvalidOperationInCellEditMode'), 'en')).toMatch(/^Excel is editing a cell/);
  });
});
