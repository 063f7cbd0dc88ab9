// The real `liaison-tracker` bin, built and spawned as a user runs it.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { tempDir } from '../xlsx/workbooks';

const ROOT = path.join(__dirname, '..', '..');

it('builds, writes a template and checks it through bin/liaison-tracker.js', () => {
  execFileSync(process.execPath, [path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], {
    cwd: ROOT,
    stdio: 'pipe',
  });
  const dir = tempDir('lt-bin');
  const bin = path.join(ROOT, 'bin', 'liaison-tracker.js');
  const template = spawnSync(process.execPath, [bin, 'template', 'new.xlsx'], { cwd: dir, encoding: 'utf8' });
  expect(template.status).toBe(0);
  expect(existsSync(path.join(dir, 'new.xlsx'))).toBe(true);
  const check = spawnSync(process.execPath, [bin, 'check', 'new.xlsx', '--json', '--all-points'], { cwd: dir, encoding: 'utf8' });
  expect(check.status).toBe(0);
  expect(JSON.parse(check.stdout)).toMatchObject({ sheet: '台账', headerRow: 1, records: [], issues: [] });
  const bad = spawnSync(process.execPath, [bin, 'check', 'missing.xlsx'], { cwd: dir, encoding: 'utf8' });
  expect(bad.status).toBe(2);
  expect(bad.stderr).toContain('找不到文件');
}, 120_000);
