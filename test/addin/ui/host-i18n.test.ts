// Which mode the pane starts in, its language, and the message catalogue's completeness.
import { baseName, detectHost, launchedByOffice, OfficeUnavailableError } from '../../../addin/src/host';
import { describeError } from '../../../addin/src/services/describe-error';
import { catalogueKeys, issueText, pickLang, translate } from '../../../addin/src/i18n';
import { DEFAULT_CAMPAIGN, validateRecords } from '../../../shared';
import type { TrackerRecord } from '../../../shared/types';

describe('host detection', () => {
  const inOffice = { location: { search: '?_host_Info=Excel$Win32$16.01$zh-CN$$$$0', hash: '' } };

  test('a plain browser → browser mode at once, office.js never fetched', async () => {
    const loadOfficeJs = jest.fn(() => new Promise<void>(() => undefined));
    await expect(detectHost({ navigator: { language: 'en-GB' }, location: { search: '', hash: '' } }, { loadOfficeJs })).resolves.toMatchObject({
      mode: 'browser',
      displayLanguage: 'en-GB',
      documentName: null,
    });
    expect(loadOfficeJs).not.toHaveBeenCalled();
  });

  test('_host_Info in the address (or remembered by office.js) means Office opened the pane', () => {
    expect(launchedByOffice(inOffice)).toBe(true);
    expect(launchedByOffice({ location: { search: '?a=1&_host_info=Excel$Mac$16.01', hash: '' } })).toBe(true);
    expect(launchedByOffice({ location: { search: '', hash: '' }, sessionStorage: { getItem: () => 'Excel$Win32' } })).toBe(true);
    expect(launchedByOffice({ location: { search: '?host=1', hash: '' } })).toBe(false);
    const blocked = { getItem: () => { throw new Error('SecurityError'); } };
    expect(launchedByOffice({ location: { search: '', hash: '' }, sessionStorage: blocked })).toBe(false);
  });

  test('Excel → add-in mode with Office\'s display language and the workbook\'s name; office.js loaded first', async () => {
    const Office = {
      onReady: async () => ({ host: 'Excel', platform: 'PC' }),
      HostType: { Excel: 'Excel' },
      context: { displayLanguage: 'en-US', document: { url: 'https://contoso.sharepoint.com/docs/%E5%8F%B0%E8%B4%A6.xlsx' } },
    };
    const scope: Record<string, unknown> = { ...inOffice, navigator: { language: 'zh-CN' } };
    const loadOfficeJs = jest.fn(async () => {
      scope.Office = Office;
    });
    await expect(detectHost(scope, { loadOfficeJs })).resolves.toEqual({
      mode: 'excel',
      displayLanguage: 'en-US',
      documentName: '台账.xlsx',
      platform: 'PC',
      canDownload: true,
    });
    expect(loadOfficeJs).toHaveBeenCalledTimes(1);
  });

  // Bug: decodeURIComponent threw on a desktop path with "%" and the pane stayed on 正在加载….
  test('a file name with a bare % loads', () => {
    expect(baseName('C:\\台账\\台账100%.xlsx')).toBe('台账100%.xlsx');
    expect(baseName('https://x/y/%E5%8F%B0%E8%B4%A6%2050%25.xlsx?web=1')).toBe('台账 50%.xlsx');
  });

  test('Excel for Mac and iPad cannot download; Windows and the web can', async () => {
    const on = (platform: string) => ({ ...inOffice, Office: { onReady: async () => ({ host: 'Excel', platform }) } });
    await expect(detectHost(on('Mac'))).resolves.toMatchObject({ mode: 'excel', canDownload: false });
    await expect(detectHost(on('iOS'))).resolves.toMatchObject({ canDownload: false });
    await expect(detectHost(on('OfficeOnline'))).resolves.toMatchObject({ canDownload: true });
  });

  // Bug: an 8 s onReady timeout switched a slow Excel on the web into browser mode.
  test('a slow onReady inside Office is waited for (the pane says so), never browser mode', async () => {
    let ready: (value: { host: unknown; platform: unknown }) => void = () => undefined;
    const Office = { onReady: () => new Promise<{ host: unknown; platform: unknown }>((resolve) => (ready = resolve)), HostType: { Excel: 'Excel' } };
    const onSlow = jest.fn();
    const detected = detectHost({ ...inOffice, Office }, { onSlow, slowAfterMs: 10 });
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(onSlow).toHaveBeenCalledTimes(1);
    ready({ host: 'Excel', platform: 'OfficeOnline' });
    await expect(detected).resolves.toMatchObject({ mode: 'excel' });
  });

  test('inside Office with office.js unreachable → a clear error, not a blank pane', async () => {
    const loadOfficeJs = () => Promise.reject(new Error('net::ERR_INTERNET_DISCONNECTED'));
    await expect(detectHost(inOffice, { loadOfficeJs })).rejects.toBeInstanceOf(OfficeUnavailableError);
    const error = await detectHost(inOffice, { loadOfficeJs }).catch((e: unknown) => e);
    expect(describeError(error, 'zh')).toContain('Office.js');
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
