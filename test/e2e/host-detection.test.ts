// End to end (issue 13, item 1): office.js is fetched only when Office opened the pane. In a plain
// browser with the CDN request hanging (a firewalled intranet), browser mode shows at once and the
// CDN is never asked.
import { collectPageErrors, waitForText, OFFICE_JS_URL, screenshot, useE2eEnvironment } from './harness';

describe('host decided without the network', () => {
  const env = useE2eEnvironment();

  test('a plain browser never requests office.js and starts browser mode at once, even when the CDN hangs', async () => {
    const { server, browser } = env();
    const context = await browser.newContext({ viewport: { width: 1000, height: 800 }, locale: 'zh-CN' });
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    const officeRequests: string[] = [];
    // Made to hang: the request is never answered.
    await context.route(OFFICE_JS_URL, (route) => {
      officeRequests.push(route.request().url());
    });
    await page.goto(`${server.url}/index.html`);
    await waitForText(page, /没有 Excel 加载项也可以使用/, 5000);
    await screenshot(page, 'host-browser-mode-cdn-hanging');
    expect(officeRequests).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
