// Which mode the pane starts in, its language, and the message catalogue's completeness.
import { detectHost } from '../../../addin/src/host';
import { catalogueKeys, pickLang, translate } from '../../../addin/src/i18n';

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
