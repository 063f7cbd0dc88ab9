// Serves the route table over node:http where the Functions host (`func`) is not installed: the
// same handlers, called with the library's own HttpRequest/InvocationContext, under `/api/…`.
// It also answers CORS preflight so browser-mode pages on other origins can call it.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HttpRequest, HttpResponse, InvocationContext, type LogHandler } from '@azure/functions';
import { tooLargeFailure } from './http/request-body';
import { ApiFailure, badRequest, errorResponse, internalError, methodNotAllowed, notFound } from './http/responses';
import { routeHandler, routes as defaultRoutes, type Route } from './routes';

export interface LocalHostOptions {
  port?: number;
  host?: string;
  routes?: Route[];
  /** Where the handlers' context.log/warn/error go; by default warnings and errors reach stderr. */
  log?: LogHandler;
}

export interface LocalHost {
  /** e.g. http://127.0.0.1:7071 (the API is under /api). */
  url: string;
  port: number;
  server: Server;
  close(): Promise<void>;
}

interface CompiledRoute {
  route: Route;
  pattern: RegExp;
  params: string[];
  handle: ReturnType<typeof routeHandler>;
}

function compile(route: Route): CompiledRoute {
  const params: string[] = [];
  const source = route.route
    .split('/')
    .map((part) => {
      const m = /^\{(\w+)\??\}$/.exec(part);
      if (!m) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      params.push(m[1]);
      return '([^/]+)';
    })
    .join('/');
  return { route, pattern: new RegExp(`^/api/${source}/?$`), params, handle: routeHandler(route) };
}

const defaultLog: LogHandler = (level, ...args) => {
  if (level === 'error' || level === 'warning') console.error(`[api] ${level}:`, ...args);
};

function corsHeaders(req: IncomingMessage): Record<string, string> {
  return {
    'access-control-allow-origin': req.headers.origin ?? '*',
    'access-control-allow-methods': 'GET, POST, PUT, OPTIONS',
    'access-control-allow-headers': 'content-type, x-api-key',
    'access-control-expose-headers': 'content-disposition',
    'access-control-max-age': '600',
    vary: 'origin',
  };
}

async function send(req: IncomingMessage, res: ServerResponse, init: ConstructorParameters<typeof HttpResponse>[0]): Promise<void> {
  const response = new HttpResponse(init);
  const body = Buffer.from(await response.arrayBuffer());
  const headers: Record<string, string> = { ...corsHeaders(req), 'content-length': String(body.byteLength) };
  response.headers.forEach((value, name) => (headers[name] = value));
  res.writeHead(response.status ?? 200, headers);
  res.end(body);
}

/** Reads the body up to the route's limit; beyond it answers 413 at once and discards the rest. */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = Number(req.headers['content-length'] ?? 0) > limit;
    if (over) resolve(null);
    req.on('data', (chunk: Buffer) => {
      if (over) return;
      size += chunk.byteLength;
      if (size > limit) {
        over = true;
        chunks.length = 0;
        resolve(null);
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(over ? null : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** `%` escapes that do not decode are the client's mistake, not ours. */
function decoded(text: string, decode: (s: string) => string): string {
  try {
    return decode(text);
  } catch {
    throw badRequest('url-invalid', '请求地址中含有无效的 % 编码。', 'The request URL holds an invalid % escape.', { path: 'url' });
  }
}

export async function startLocalHost(options: LocalHostOptions = {}): Promise<LocalHost> {
  const compiled = (options.routes ?? defaultRoutes).map(compile);
  const log = options.log ?? defaultLog;

  const server = createServer((req, res) => {
    void (async () => {
      if (req.method === 'OPTIONS') {
        res.writeHead(204, corsHeaders(req));
        res.end();
        return;
      }
      const url = new URL(req.url ?? '/', `http://${req.headers.host ?? '127.0.0.1'}`);
      const path = decoded(url.pathname, decodeURI);
      const matches = compiled.map((c) => ({ c, m: c.pattern.exec(path) })).filter((x) => x.m !== null);
      const match = matches.find((x) => x.c.route.methods.includes((req.method ?? 'GET') as Route['methods'][number]));
      if (!match) {
        req.resume();
        const failure = matches.length
          ? methodNotAllowed(req.method ?? '')
          : notFound('route-not-found', `没有这个接口：${path}`, `No such endpoint: ${path}`);
        await send(req, res, errorResponse(failure));
        return;
      }
      const body = await readBody(req, match.c.route.maxBodyBytes);
      if (body === null) {
        res.setHeader('connection', 'close');
        await send(req, res, errorResponse(tooLargeFailure(match.c.route.maxBodyBytes)));
        return;
      }
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(req.headers)) {
        if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
      }
      const params: Record<string, string> = {};
      match.c.params.forEach((name, i) => (params[name] = decoded(match.m![i + 1], decodeURIComponent)));
      const request = new HttpRequest({
        method: req.method,
        url: url.toString(),
        headers,
        query: Object.fromEntries(url.searchParams),
        params,
        body: body.byteLength > 0 ? { bytes: body } : undefined,
      });
      const context = new InvocationContext({ functionName: match.c.route.name, invocationId: randomUUID(), logHandler: log });
      await send(req, res, await match.c.handle(request, context));
    })().catch(async (err: unknown) => {
      if (!(err instanceof ApiFailure)) log('error', 'local host failed:', err);
      if (res.headersSent) {
        res.end();
        return;
      }
      req.resume();
      await send(req, res, errorResponse(err instanceof ApiFailure ? err : internalError())).catch(() => res.end());
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 7071, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
    port,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
