// Offline checks of manifest.xml (online validation needs Microsoft's service; see README).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// xml2js comes with office-addin-manifest; it has no type declarations of its own.
const { parseStringPromise } = require('xml2js') as {
  parseStringPromise(xml: string, options: { explicitArray: boolean }): Promise<unknown>;
};

const root = join(__dirname, '..', '..');
const manifestPath = join(root, 'manifest.xml');
const DEV_ORIGIN = 'https://localhost:3000';

type Node = Record<string, unknown> & { $?: Record<string, string> };

async function manifest(): Promise<Node> {
  const parsed = (await parseStringPromise(readFileSync(manifestPath, 'utf8'), { explicitArray: false })) as { OfficeApp: Node };
  return parsed.OfficeApp;
}

/** Every attribute value anywhere in the tree, with its attribute name. */
function attributes(node: unknown, out: { name: string; value: string }[] = []): { name: string; value: string }[] {
  if (Array.isArray(node)) node.forEach((n) => attributes(n, out));
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$') for (const [name, v] of Object.entries(value as Record<string, string>)) out.push({ name, value: v });
      else attributes(value, out);
    }
  }
  return out;
}

describe('manifest.xml', () => {
  it('is a well-formed Excel task-pane add-in with a fixed id and a version', async () => {
    const app = await manifest();
    expect(app.$?.['xsi:type']).toBe('TaskPaneApp');
    expect(app.Id).toBe('3f6a2c1e-8b4d-4e7a-9c21-5d0b7e6f4a13');
    expect(app.Version).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect((app.Hosts as { Host: Node }).Host.$?.Name).toBe('Workbook');
    expect(app.Permissions).toBe('ReadWriteDocument');
  });

  it('speaks Chinese by default with English overrides', async () => {
    const app = await manifest();
    expect(app.DefaultLocale).toBe('zh-CN');
    const name = app.DisplayName as Node & { Override: Node };
    expect(name.$?.DefaultValue).toBe('联系点工作台账');
    expect(name.Override.$).toEqual({ Locale: 'en-US', Value: 'Liaison Tracker' });
    const strings = attributes(app.VersionOverrides);
    const overrides = strings.filter((a) => a.name === 'Locale').map((a) => a.value);
    expect(overrides.length).toBeGreaterThanOrEqual(5);
    expect(new Set(overrides)).toEqual(new Set(['en-US']));
  });

  it('loads everything over https from the dev server', async () => {
    const app = await manifest();
    const urls = attributes(app).filter((a) => a.name === 'DefaultValue' && /^[a-z]+:\/\//.test(a.value));
    expect(urls.length).toBeGreaterThan(5);
    for (const { value } of urls) expect(value.startsWith(`${DEV_ORIGIN}/`)).toBe(true);
    const source = (app.DefaultSettings as { SourceLocation: Node }).SourceLocation.$?.DefaultValue;
    expect(source).toBe(`${DEV_ORIGIN}/index.html`);
  });

  it('has a ribbon button that opens the pane, with icons that exist', async () => {
    const app = await manifest();
    const xml = readFileSync(manifestPath, 'utf8');
    expect(xml).toContain('xsi:type="PrimaryCommandSurface"');
    expect(xml).toMatch(/<Control xsi:type="Button"[\s\S]*<Action xsi:type="ShowTaskpane">/);
    const icons = attributes(app).filter((a) => a.name === 'DefaultValue' && a.value.endsWith('.png'));
    expect(icons.map((i) => i.value.split('/').pop())).toEqual(
      expect.arrayContaining(['icon-16.png', 'icon-32.png', 'icon-64.png', 'icon-80.png']),
    );
    for (const { value } of icons) {
      const file = join(root, 'addin', 'public', value.slice(DEV_ORIGIN.length + 1));
      expect(existsSync(file)).toBe(true);
      expect(readFileSync(file).subarray(1, 4).toString()).toBe('PNG');
    }
  });

  it('is read by office-addin-manifest info (offline)', () => {
    const bin = join(root, 'node_modules', '.bin', 'office-addin-manifest');
    const out = execFileSync(bin, ['info', manifestPath], { encoding: 'utf8' });
    expect(out).toContain('Id: 3f6a2c1e-8b4d-4e7a-9c21-5d0b7e6f4a13');
    expect(out).toContain('Hosts: Workbook');
    expect(out).toContain('Permissions: ReadWriteDocument');
  });
});
