#!/usr/bin/env node
// Makes `npm test` / `npm start` work on a fresh clone: installs the npm packages when they are
// missing or older than package-lock.json, and for the tests the browser and CJK font the
// end-to-end tests drive (Debian packages; needs root, as on CI machines).
import { execSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';

const root = new URL('..', import.meta.url).pathname;
const mode = process.argv[2] ?? 'start';
const run = (cmd) => execSync(cmd, { cwd: root, stdio: 'inherit' });
const has = (cmd) => { try { execSync(`command -v ${cmd}`, { stdio: 'ignore' }); return true; } catch { return false; } };

const marker = `${root}node_modules/.package-lock.json`;
if (!existsSync(marker) || statSync(marker).mtimeMs < statSync(`${root}package-lock.json`).mtimeMs) {
  console.log('[ensure] 正在安装 npm 依赖 / installing npm packages…');
  run('npm ci --no-audit --no-fund');
}

if (mode === 'test') {
  const need = [];
  if (!existsSync('/usr/bin/chromium')) need.push('chromium');
  let fonts = '';
  try { fonts = execSync('fc-list', { encoding: 'utf8' }); } catch { /* fontconfig absent: install the font */ }
  if (!/wqy|WenQuanYi/i.test(fonts)) need.push('fonts-wqy-microhei');
  // A second producer of spreadsheets for the reader's tests, and the printer that measures our
  // reports (Carlito has Calibri's metrics, so columns measure as in Excel).
  if (!has('soffice')) need.push('libreoffice-calc', 'libreoffice-writer');
  if (!has('pdftohtml') || !has('pdfimages')) need.push('poppler-utils');
  if (!/Carlito/i.test(fonts)) need.push('fonts-crosextra-carlito');
  if (need.length > 0) {
    if (process.getuid?.() !== 0 || !has('apt-get')) {
      console.error(`[ensure] 缺少 ${need.join(', ')}，请以 root 运行或手动安装 / missing Debian packages: ${need.join(', ')}`);
      process.exit(1);
    }
    console.log(`[ensure] 正在安装 / installing ${need.join(', ')}…`);
    run('apt-get update -qq');
    run(`DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends ${need.join(' ')}`);
  }
}
