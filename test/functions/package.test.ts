// What ships to Azure: `npm run package:functions` builds functions/ as a deploy-only checkout would
// (issue: `cd functions && npm install && npm run build` failed on a fresh clone, unseen because every
// test ran from the root) and zips it; here the zip is unpacked outside the repository and served
// with nothing else on the module path, against a real Azurite.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { unzipSync } from 'fflate';
import { startAzurite, uniquePrefix } from '../support';
import { CAMPAIGN, completeSet } from './helpers';

const root = join(__dirname, '../..');
const run = promisify(execFile);

/** Runs inside the unpacked package: loads the Azure entry, makes two keys, serves the packaged route table. */
const SERVE = `
require('./dist/functions/src/index.js');
const { startLocalHost } = require('./dist/functions/src/local-host.js');
const { createKey } = require('./dist/functions/src/keys.js');
const { getRepository } = require('./dist/functions/src/services.js');
(async () => {
  const repo = getRepository();
  await repo.ensure();
  const central = await createKey(repo, { role: 'central' }, 'package-test');
  const guizhou = await createKey(repo, { role: 'province', provinceId: 'guizhou' }, 'package-test');
  const host = await startLocalHost({ port: 0, log: () => undefined });
  process.stdout.write('READY ' + JSON.stringify({ url: host.url, central, guizhou, paths: require.resolve.paths('exceljs') }) + '\\n');
})().catch((err) => { console.error(err); process.exit(1); });
`;

describe('the packaged Functions app', () => {
  let work: string;
  let app: string;
  let azurite: Awaited<ReturnType<typeof startAzurite>>;
  let child: ChildProcess | undefined;
  let served: { url: string; central: string; guizhou: string; paths: string[] };

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'liaison-package-test-'));
    await run(process.execPath, [join(root, 'scripts/package-functions.mjs'), '--out', work], { maxBuffer: 64 * 1024 * 1024 });
    app = join(work, 'app');
    const entries = unzipSync(readFileSync(join(work, 'liaison-tracker-functions.zip')));
    for (const [name, data] of Object.entries(entries)) {
      if (name.endsWith('/')) continue;
      mkdirSync(dirname(join(app, name)), { recursive: true });
      writeFileSync(join(app, name), data);
    }
    azurite = await startAzurite();
    child = spawn(process.execPath, ['-e', SERVE], {
      cwd: app,
      // Only what the package holds: no NODE_PATH, no repository folders above it.
      env: { PATH: process.env.PATH, LIAISON_STORAGE: azurite.connectionString, LIAISON_TABLE_PREFIX: uniquePrefix() },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    served = await new Promise((resolve, reject) => {
      let out = '';
      let err = '';
      child!.stdout!.on('data', (chunk) => {
        out += chunk;
        // @azure/functions prints its own notices on stdout too.
        const ready = /^READY (.*)$/m.exec(out);
        if (ready) resolve(JSON.parse(ready[1]));
      });
      child!.stderr!.on('data', (chunk) => (err += chunk));
      child!.on('exit', (code) => reject(new Error(`packaged app exited ${code}: ${err}`)));
    });
  }, 600_000);

  afterAll(async () => {
    child?.kill();
    await azurite?.stop();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('holds the compiled entry, host.json and production dependencies only', () => {
    const pkg = JSON.parse(readFileSync(join(app, 'package.json'), 'utf8'));
    expect(existsSync(join(app, pkg.main))).toBe(true);
    expect(existsSync(join(app, 'host.json'))).toBe(true);
    for (const name of Object.keys(pkg.dependencies)) expect(existsSync(join(app, 'node_modules', name, 'package.json'))).toBe(true);
    for (const name of Object.keys(pkg.devDependencies ?? {})) expect(existsSync(join(app, 'node_modules', name))).toBe(false);
    // Nothing outside the package can be resolved from it.
    expect(served.paths.every((p) => !p.startsWith(root) && (p.startsWith(app) || !existsSync(p)))).toBe(true);
  });

  it('serves a submission, the aggregate and the monthly report', async () => {
    const post = await fetch(`${served.url}/api/submissions`, {
      method: 'POST',
      headers: { 'x-api-key': served.guizhou, 'content-type': 'application/json' },
      body: JSON.stringify({ campaignId: CAMPAIGN, provinceId: 'guizhou', month: '2017-05', records: completeSet('guizhou-bijie') }),
    });
    expect(post.status).toBe(201);

    const aggregate = await fetch(`${served.url}/api/aggregate?campaignId=${CAMPAIGN}&month=2017-05`, { headers: { 'x-api-key': served.central } });
    expect(aggregate.status).toBe(200);
    const body = await aggregate.json();
    expect(JSON.stringify(body)).toContain('guizhou-bijie');

    const report = await fetch(`${served.url}/api/reports/monthly?campaignId=${CAMPAIGN}&month=2017-05&format=xlsx`, { headers: { 'x-api-key': served.central } });
    expect(report.status).toBe(200);
    const bytes = new Uint8Array(await report.arrayBuffer());
    expect([...bytes.slice(0, 2)]).toEqual([0x50, 0x4b]);
    expect(bytes.length).toBeGreaterThan(5000);
  });
});
