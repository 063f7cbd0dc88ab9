#!/usr/bin/env node
// `npm run package:functions`: the zip that Azure runs (`az functionapp deployment source config-zip`,
// or `func azure functionapp publish` from the unpacked folder).
//
// It builds the app the way a deploy-only checkout would: `functions/` with the folders it compiles
// in (shared/, xlsx/) copied to a scratch folder with NO root node_modules, `npm ci` there, `npm run
// build`. So the package proves that `cd functions && npm ci && npm run build` works on its own.
// The zip then holds the compiled code, host.json, package.json, package-lock.json and the
// production dependencies only.
//
//   node scripts/package-functions.mjs [--out DIR]   → DIR/liaison-tracker-functions.zip (default dist/)
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { zipSync } from 'fflate';

const root = resolve(new URL('..', import.meta.url).pathname);
const outIndex = process.argv.indexOf('--out');
const outDir = resolve(outIndex > 0 ? process.argv[outIndex + 1] : join(root, 'dist'));
const zipName = 'liaison-tracker-functions.zip';

/** What the functions' tsconfig compiles in from outside functions/ (its `rootDir` is the repository). */
const SOURCES = ['functions/src', 'functions/package.json', 'functions/package-lock.json', 'functions/tsconfig.json', 'functions/host.json', 'shared', 'xlsx', 'tsconfig.base.json'];
/** What Azure needs to run the app, relative to functions/. */
const SHIPPED = ['dist', 'host.json', 'package.json', 'package-lock.json'];

const npm = (args, cwd) => execFileSync('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], { cwd, stdio: ['ignore', 'inherit', 'inherit'] });

const scratch = mkdtempSync(join(tmpdir(), 'liaison-functions-'));
try {
  console.log('[package] 复制源代码 / copying sources (no root node_modules)…');
  for (const path of SOURCES) cpSync(join(root, path), join(scratch, path), { recursive: true });

  const app = join(scratch, 'functions');
  console.log('[package] npm ci && npm run build in functions/ …');
  npm(['ci'], app);
  npm(['run', 'build'], app);

  console.log('[package] 生产依赖 / production dependencies only…');
  const stage = join(scratch, 'stage');
  mkdirSync(stage);
  for (const path of SHIPPED) cpSync(join(app, path), join(stage, path), { recursive: true });
  npm(['ci', '--omit=dev', '--ignore-scripts'], stage);

  const files = {};
  const add = (dir) => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      const stat = statSync(full);
      if (stat.isDirectory()) add(full);
      // Source maps and TypeScript declarations are not needed to run; leave them out.
      else if (!/\.(map|d\.ts)$/.test(name)) files[relative(stage, full)] = [readFileSync(full), { mode: stat.mode }];
    }
  };
  add(stage);
  mkdirSync(outDir, { recursive: true });
  const zip = zipSync(Object.fromEntries(Object.entries(files).map(([name, [data]]) => [name, data])), { level: 6 });
  const target = join(outDir, zipName);
  writeFileSync(target, zip);
  const mib = (n) => (n / 1024 / 1024).toFixed(1);
  const unpacked = Object.values(files).reduce((sum, [data]) => sum + data.length, 0);
  console.log(`[package] ${relative(process.cwd(), target) || target}: ${mib(zip.length)} MiB（解压后 ${mib(unpacked)} MiB，${Object.keys(files).length} 个文件）`);
  if (!existsSync(join(stage, 'dist/functions/src/index.js'))) throw new Error('the build did not write dist/functions/src/index.js');
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
