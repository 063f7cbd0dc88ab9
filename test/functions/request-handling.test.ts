// Request handling on the local host, on raw sockets where fetch would hide what the server does.
// Bugs: the body was read before the key was checked (24 unauthenticated 8 MiB posts: +191 MiB),
// slow bodies were kept open for 120 s and more, 2,000 Chinese characters of remarks overflowed the
// URL into a bare 431 without a JSON body, and CORS reflected any origin.
import { connect } from 'node:net';
import { startLocalHost, type LocalHost } from '../../functions/src/local-host';
import { startLocalStack, type TestStack } from '../support';
import { CAMPAIGN, completeSet, submission } from './helpers';

let stack: TestStack;
let host: LocalHost;

beforeAll(async () => {
  stack = await startLocalStack();
  // A second host on the same storage, with a short body deadline and an origin of our own.
  host = await startLocalHost({ port: 0, bodyTimeoutMs: 300, allowedOrigins: ['https://pane.example'], log: () => undefined });
});
afterAll(async () => {
  await host.close();
  await stack.stop();
});

interface RawAnswer {
  status: number;
  headers: string;
  body: string;
}

/** Writes `head` (and `body`, if any) and reads the answer until the server closes or it is complete. */
function raw(port: number, head: string, body = ''): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let text = '';
    const done = () => {
      const [headers, ...rest] = text.split('\r\n\r\n');
      resolve({ status: Number(/^HTTP\/1\.1 (\d+)/.exec(headers)?.[1] ?? 0), headers, body: rest.join('\r\n\r\n') });
      socket.destroy();
    };
    socket.on('data', (chunk) => {
      text += chunk.toString('utf8');
      const length = /content-length: (\d+)/i.exec(text)?.[1];
      const split = text.indexOf('\r\n\r\n');
      if (length !== undefined && split >= 0 && Buffer.byteLength(text.slice(split + 4)) >= Number(length)) done();
    });
    socket.on('end', done);
    socket.on('error', reject);
    socket.write(head + body);
  });
}

const errorCode = (answer: RawAnswer) => (JSON.parse(answer.body) as { error: { code: string; message: string } }).error;

test('the key is checked before the body is read: an unauthenticated 8 MiB post is answered before a byte of it is sent', async () => {
  const port = Number(new URL(stack.baseUrl).port);
  const head = (key: string) =>
    `POST /api/submissions HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: ${8 * 1024 * 1024}\r\n${key}\r\n`;
  const missing = await raw(port, head(''));
  expect(missing.status).toBe(401);
  expect(errorCode(missing).code).toBe('key-missing');
  expect(missing.headers).toMatch(/connection: close/i);
  const forged = await raw(port, head('x-api-key: lt_forged\r\n'));
  expect(errorCode(forged).code).toBe('key-invalid');
});

test('a body that does not arrive within the deadline gets 408 with the JSON error body', async () => {
  const answer = await raw(
    host.port,
    `POST /api/submissions HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\nx-api-key: ${stack.keys.provinces.guizhou}\r\ncontent-length: 1000\r\n\r\n`,
    '{"campaignId":',
  );
  expect(answer.status).toBe(408);
  expect(errorCode(answer)).toMatchObject({ code: 'body-timeout', message: expect.stringMatching(/秒/) });
});

test('headers past 16 KiB get 431 with the JSON error body', async () => {
  const port = Number(new URL(stack.baseUrl).port);
  const answer = await raw(port, `GET /api/health?remarks=${'%E4%B8%AD'.repeat(2000)} HTTP/1.1\r\nhost: x\r\n\r\n`);
  expect(answer.status).toBe(431);
  expect(errorCode(answer)).toMatchObject({ code: 'headers-too-large', message: expect.stringMatching(/POST/) });
});

test('2,000 Chinese characters of remarks reach the report through a POSTed body; 2,001 are refused', async () => {
  const sent = await fetch(`${stack.baseUrl}/api/submissions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': stack.keys.provinces.guizhou },
    body: JSON.stringify(submission('guizhou', '2017-05', completeSet('guizhou-bijie'))),
  });
  expect(sent.status).toBe(201);
  const report = (remarks: string) =>
    fetch(`${stack.baseUrl}/api/reports/monthly?campaignId=${CAMPAIGN}&month=2017-05&format=json`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': stack.keys.central },
      body: JSON.stringify({ remarks }),
    });
  const remarks = '请各省于月底前补报。'.repeat(200);
  expect(remarks).toHaveLength(2000);
  const ok = await report(remarks);
  expect(ok.status).toBe(200);
  expect(JSON.stringify(await ok.json())).toContain(remarks);
  const long = await report(`${remarks}。`);
  expect(long.status).toBe(400);
  expect(((await long.json()) as { error: { code: string } }).error.code).toBe('remarks-too-long');
});

test('CORS answers only the allow-list', async () => {
  const preflight = (origin: string) =>
    fetch(`${host.url}/api/submissions`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST' } });
  const allowed = await preflight('https://pane.example');
  expect(allowed.status).toBe(204);
  expect(allowed.headers.get('access-control-allow-origin')).toBe('https://pane.example');
  const other = await preflight('https://localhost:3000');
  expect(other.status).toBe(403);
  expect(other.headers.get('access-control-allow-origin')).toBeNull();
});
