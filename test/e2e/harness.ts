// What the end-to-end tests share: build the task pane as shipped (vite build), serve it with a tiny
// static server that forwards /api to the local functions host (as the dev server's proxy does), and
// drive it in Debian's real headless Chromium.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, existsSync, statSync } from 'node:fs';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { promisify } from 'node:util';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startLocalStack, type TestStack } from '../support';

export const ROOT = resolve(__dirname, '../..');
export const ARTIFACTS = join(ROOT, 'test-artifacts', 'e2e');
export const OFFICE_JS_URL = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

/** Builds the pane into a fresh temporary folder; returns it. (Jest sets NODE_ENV=test: build as shipped.) */
export async function buildPane(): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'liaison-pane-'));
  await promisify(execFile)(
    process.execPath,
    [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'addin/vite.config.mts', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'],
    { cwd: ROOT, env: { ...process.env, NODE_ENV: 'production', VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' }, maxBuffer: 16 * 1024 * 1024 },
  );
  return outDir;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
};

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

/** Serves `dir`; `/api/*` is forwarded to `apiBase` (e.g. http://127.0.0.1:41234). */
export async function serveStatic(dir: string, apiBase: string): Promise<StaticServer> {
  const api = new URL(apiBase);
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname.startsWith('/api/')) {
      const upstream = httpRequest(
        { hostname: api.hostname, port: api.port, path: req.url, method: req.method, headers: { ...req.headers, host: api.host } },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      upstream.on('error', () => {
        res.writeHead(502).end();
      });
      req.pipe(upstream);
      return;
    }
    const file = normalize(join(dir, decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname)));
    if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((done) => server.close(() => done())),
  };
}

/** Chromium as TOOLCHAIN.md says it runs here. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** Errors the page logged: a test fails on any, so a broken pane cannot pass by accident. */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    // A refused request (e.g. the 403 that tells a provincial key from the central one) is logged by
    // Chromium as "Failed to load resource"; that is the API answering, not the pane failing.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) errors.push(message.text());
  });
  return errors;
}

/** Waits for `text`; when the pane shows an error instead, fails with the pane's own message. */
export async function waitForText(page: Page, text: string | RegExp, timeout = 30_000): Promise<void> {
  const wanted = page.getByText(text).first();
  const alert = page.getByRole('alert').first();
  await wanted.or(alert).waitFor({ timeout });
  if (!(await wanted.isVisible())) throw new Error(`pane error instead of ${String(text)}: ${await alert.textContent()}`);
}

export interface E2eEnvironment {
  stack: TestStack;
  server: StaticServer;
  browser: Browser;
}

/**
 * For one test file: builds the pane, starts the local functions on Azurite, serves the pane with
 * `/api` proxied to them and launches Chromium before its tests; stops them all after. Call it at
 * the top of a `describe` and read the environment inside the tests.
 */
export function useE2eEnvironment(): () => E2eEnvironment {
  let env: E2eEnvironment | undefined;
  beforeAll(async () => {
    const [built, stack] = await Promise.all([buildPane(), startLocalStack()]);
    const server = await serveStatic(built, stack.baseUrl);
    env = { stack, server, browser: await launchChromium() };
  }, 180_000);
  afterAll(async () => {
    await env?.browser.close();
    await env?.server.close();
    await env?.stack.stop();
  });
  return () => {
    if (!env) throw new Error('the end-to-end environment did not start');
    return env;
  };
}
