// functions/package.json is what Azure installs: it must list every package the app's code imports
// (functions/src and what it compiles in from shared/ and xlsx/, dynamic imports included) at the
// same version range as the root package.json, and nothing it does not import.
import { builtinModules } from 'node:module';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const root = join(__dirname, '../..');
const IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s+)['"]([^'"]+)['"]/gm;
/** A package specifier (npm's name rules), so text in a message that merely looks like an import is not one. */
const PACKAGE = /^(?:@[a-z0-9~-][a-z0-9._~-]*\/)?[a-z0-9~-][a-z0-9._~-]*(?:\/[\w./-]*)?$/;

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? tsFiles(full) : /\.tsx?$/.test(name) ? [full] : [];
  });
}

function resolveLocal(from: string, spec: string): string | null {
  const base = resolve(dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

/** Packages imported by the files reachable from functions/src, type-only imports left out. */
function importedPackages(): Set<string> {
  const builtins = new Set(builtinModules);
  const seen = new Set<string>();
  const packages = new Set<string>();
  const queue = tsFiles(join(root, 'functions/src'));
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const source = readFileSync(file, 'utf8').replace(/^\s*(?:import|export)\s+type\b[^;]*;/gm, '');
    for (const [, spec] of source.matchAll(IMPORT)) {
      if (spec.startsWith('.')) {
        const local = resolveLocal(file, spec);
        if (local) queue.push(local);
      } else if (PACKAGE.test(spec) && !builtins.has(spec.split('/')[0])) {
        packages.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]);
      }
    }
  }
  return packages;
}

describe('functions/package.json', () => {
  const functionsPkg = JSON.parse(readFileSync(join(root, 'functions/package.json'), 'utf8'));
  const rootPkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

  it('lists exactly the packages the app imports', () => {
    expect(Object.keys(functionsPkg.dependencies).sort()).toEqual([...importedPackages()].sort());
  });

  it('pins them as the root package.json does', () => {
    for (const [name, range] of Object.entries(functionsPkg.dependencies)) expect([name, range]).toEqual([name, rootPkg.dependencies[name]]);
    expect(functionsPkg.devDependencies.typescript).toBe(rootPkg.devDependencies.typescript);
  });
});
