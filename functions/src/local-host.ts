// Serves the route table over node:http where the Functions host (`func`) is not installed: the
// same handlers, called with the library's own HttpRequest/InvocationContext, under `/api/…`.
// Before a body is read the key is checked (an unauthenticated post costs no memory), a body must
// arrive within a deadline (408), every failure — the HTTP parser's own 431/400 too — answers the
// JSON error body, and CORS answers only the allowed origins.
import { randomUUID } from 'node:crypto';
import { createServer, STATUS_CODES, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { HttpRequest, HttpResponse, InvocationContext, type LogHandler } from '@azure/functions';
import { authenticate } from './auth';
import { allowedOriginsFromEnv, corsHeaders } from './http/cors';
import { tooLargeFailure } from './http/request-body';
import {
  ApiFailure,
  badRequest,
  errorBody,
  errorResponse,
  headersTooLarge,
  internalError,
  malformedRequest,
  methodNotAllowed,
  notFound,
  originForbidden,
  requestTimeout,
  storageUnavailable,
} from './http/responses';
import { routeHandler, routes as defaultRoutes, type Route } from './routes';
import { getRepository } from './services';

/** A slow client holds a connection and its buffers: the whole body must arrive within this. */
const BODY_TIMEOUT_MS = 30_000;
/** Headers must arrive within this (Node's default is a minute). */
const HEADERS_TIMEOUT_MS = 10_000;

export interface LocalHostOptions {
  port?: number;
  host?: string;
  routes?: Route[];
  /** Where the handlers' context.log/warn/error go; by default warnings and errors reach stderr. */
  log?: LogHandler;
  /** Browser origins answered with CORS headers; default LIAISON_CORS_ORIGINS, else the task pane's. */
  allowedOrigins?: string[];
  /** The deadline for a request body once its headers arrived (408 past it). */
  bodyTimeoutMs?: number;
  /** Makes what a write stored durable; awaited before a successful write is acknowledged (the
   *  local stack flushes Azurite here). If it fails the client gets 503 and retries (idempotent). */
  durable?: () => Promise<void>;
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

type Body = { kind: 'ok'; bytes: Buffer } | { kind: 'too-large' } | { kind: 'timeout' };

/** Reads the body up to the route's limit and within the deadline; stops reading at either. */
function readBody(req: IncomingMessage, limit: number, timeoutMs: number): Promise<Body> {
  return new Promise((resolve, reject) => {
    if (Number(req.headers['content-length'] ?? 0) > limit) return resolve({ kind: 'too-large' });
    const chunks: Buffer[] = [];
    let size = 0;
    const timer = setTimeout(() => finish({ kind: 'timeout' }), timeoutMs);
    const finish = (body: Body) => {
      clearTimeout(timer);
      req.removeAllListeners('data');
      if (body.kind !== 'ok') req.pause();
      resolve(body);
    };
    req.on('data', (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size > limit) {
        chunks.length = 0;
        finish({ kind: 'too-large' });
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => finish({ kind: 'ok', bytes: Buffer.concat(chunks) }));
    req.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
  });
}

/** An answer written straight to the socket, for failures before Node made a request of it. */
function writeRaw(socket: Socket, failure: ApiFailure): void {
  const body = errorBody(failure);
  socket.end(
    `HTTP/1.1 ${failure.status} ${STATUS_CODES[failure.status] ?? ''}\r\n` +
      `content-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
  );
}

function clientErrorFailure(err: NodeJS.ErrnoException): ApiFailure {
  if (err.code === 'HPE_HEADER_OVERFLOW') return headersTooLarge();
  if (err.code === 'ERR_HTTP_REQUEST_TIMEOUT') return requestTimeout(HEADERS_TIMEOUT_MS / 1000);
  return malformedRequest();
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
  const allowed = options.allowedOrigins ?? allowedOriginsFromEnv();
  const bodyTimeoutMs = options.bodyTimeoutMs ?? BODY_TIMEOUT_MS;

  const send = async (req: IncomingMessage, res: ServerResponse, init: ConstructorParameters<typeof HttpResponse>[0], close = false): Promise<void> => {
    const response = new HttpResponse(init);
    const body = Buffer.from(await response.arrayBuffer());
    const headers: Record<string, string> = { ...corsHeaders(req.headers.origin, allowed), 'content-length': String(body.byteLength) };
    response.headers.forEach((value, name) => (headers[name] = value));
    // A request whose body we did not read: close the connection rather than drain it.
    if (close) headers.connection = 'close';
    res.writeHead(response.status ?? 200, headers);
    res.end(body);
    if (close) res.once('finish', () => req.socket.destroySoon());
  };

  const server = createServer((req, res) => {
    void (async () => {
      if (req.method === 'OPTIONS') {
        const origin = req.headers.origin;
        if (origin && !allowed.includes(origin) && !allowed.includes('*')) {
          await send(req, res, errorResponse(originForbidden(origin)));
          return;
        }
        res.writeHead(204, corsHeaders(origin, allowed));
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
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(req.headers)) {
        if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
      }
      // The key first: a body is only read for a caller who may send it.
      if (match.c.route.auth !== 'public') {
        try {
          await authenticate(new HttpRequest({ method: req.method, url: url.toString(), headers }), match.c.route.auth, getRepository());
        } catch (err) {
          if (!(err instanceof ApiFailure)) throw err;
          await send(req, res, errorResponse(err), true);
          return;
        }
      }
      const body = await readBody(req, match.c.route.maxBodyBytes, bodyTimeoutMs);
      if (body.kind !== 'ok') {
        const failure = body.kind === 'timeout' ? requestTimeout(bodyTimeoutMs / 1000) : tooLargeFailure(match.c.route.maxBodyBytes);
        await send(req, res, errorResponse(failure), true);
        return;
      }
      const params: Record<string, string> = {};
      match.c.params.forEach((name, i) => (params[name] = decoded(match.m![i + 1], decodeURIComponent)));
      const request = new HttpRequest({
        method: req.method,
        url: url.toString(),
        headers,
        query: Object.fromEntries(url.searchParams),
        params,
        body: body.bytes.byteLength > 0 ? { bytes: body.bytes } : undefined,
      });
      const context = new InvocationContext({ functionName: match.c.route.name, invocationId: randomUUID(), logHandler: log });
      const answer = await match.c.handle(request, context);
      if (options.durable && req.method !== 'GET' && (answer.status ?? 200) < 300) {
        try {
          await options.durable();
        } catch (err) {
          log('error', 'could not make the write durable:', err);
          await send(req, res, errorResponse(storageUnavailable()));
          return;
        }
      }
      await send(req, res, answer);
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

  server.headersTimeout = HEADERS_TIMEOUT_MS;
  // A backstop behind our own body deadline; Node answers through clientError below.
  server.requestTimeout = bodyTimeoutMs + HEADERS_TIMEOUT_MS;
  // The HTTP parser's own refusals (headers over 16 KiB → 431, garbage → 400) get our JSON body too.
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Socket) => {
    if (!socket.writable || (err.code === 'ECONNRESET')) {
      socket.destroy();
      return;
    }
    writeRaw(socket, clientErrorFailure(err));
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
