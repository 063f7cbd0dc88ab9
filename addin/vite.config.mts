// The task pane's build and dev server. `npm run dev:addin` serves it over https on port 3000 (the address in
// manifest.xml) with Office's dev certificates, and proxies /api to the local functions host, so the pane calls
// its own origin and never mixes https with http.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type ServerOptions, type UserConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const apiTarget = process.env.LIAISON_API_URL ?? 'http://127.0.0.1:7071';

type HttpsOptions = { key: string | Buffer; cert: string | Buffer; ca?: string | Buffer };

async function httpsOptions(): Promise<HttpsOptions> {
  try {
    const devCerts = (await import('office-addin-dev-certs')) as {
      getHttpsServerOptions(): Promise<HttpsOptions>;
    };
    return await devCerts.getHttpsServerOptions();
  } catch (error) {
    // Installing the dev CA needs admin rights (sudo on Linux). The certificates are usually generated
    // before that step fails; use them (browsers will warn until the CA is trusted) or a self-signed one.
    console.warn(`[addin] 无法安装 Office 开发证书 / could not install Office dev certificates: ${(error as Error).message}`);
    return fallbackCertificate();
  }
}

function fallbackCertificate(): HttpsOptions {
  const officeDir = join(homedir(), '.office-addin-dev-certs');
  if (existsSync(join(officeDir, 'localhost.crt')) && existsSync(join(officeDir, 'localhost.key'))) {
    console.warn('[addin] 使用未受信任的开发证书 / using the untrusted dev certificate; run `npx office-addin-dev-certs install` as admin to trust it');
    return { cert: readFileSync(join(officeDir, 'localhost.crt')), key: readFileSync(join(officeDir, 'localhost.key')) };
  }
  const dir = join(root, '..', '.certs');
  const cert = join(dir, 'localhost.crt');
  const key = join(dir, 'localhost.key');
  if (!existsSync(cert)) {
    mkdirSync(dir, { recursive: true });
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '825', '-subj', '/CN=localhost',
      '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1', '-keyout', key, '-out', cert], { stdio: 'ignore' });
  }
  console.warn('[addin] 使用自签名证书 / using a self-signed certificate (.certs/)');
  return { cert: readFileSync(cert), key: readFileSync(key) };
}

export default defineConfig(async ({ command }): Promise<UserConfig> => {
  const server: ServerOptions = {
    port: 3000,
    strictPort: true,
    proxy: { '/api': { target: apiTarget, changeOrigin: true } },
  };
  if (command === 'serve') server.https = await httpsOptions();
  return {
    root,
    base: './',
    publicDir: 'public',
    oxc: { jsx: { runtime: 'automatic' } },
    server,
    build: {
      outDir: 'dist',
      emptyOutDir: true,
      target: 'es2022',
      // exceljs (browser mode only) is one big chunk by nature; it is loaded on demand.
      chunkSizeWarningLimit: 1500,
      rolldownOptions: {
        onwarn(warning, warn) {
          // Fluent UI marks its modules 'use client' (for React Server Components); meaningless in a pane.
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
          warn(warning);
        },
      },
    },
  };
});
