/**
 * The HTTP server behind `npm run serve`: routing, limits and graceful
 * shutdown around the handlers in ./handlers.ts.
 *
 *   POST /v1/chat/completions  OpenAI-compatible; the prompt format of RemoteDetector
 *   GET  /v1/models
 *   POST /v1/detect            {posts:[{id,text,lang?}]} -> {results:[Detection]}
 *   GET  /health
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Detector } from '../detector';
import { handleChatCompletion, handleDetect, type HandlerContext, modelList } from './handlers';
import { HttpError, readJsonBody, sendError, sendJson } from './http-json';

export interface DetectServerOptions {
  detector: Detector;
  /** Defaults to `tickerlens-<engine name>`. */
  modelId?: string;
  /** Largest accepted request body; default 1 MiB. */
  maxBodyBytes?: number;
  /** Most posts in one request; default 256. */
  maxBatch?: number;
  /** Where unexpected errors (answered with 500) are reported; default console.error. */
  onError?: (err: unknown) => void;
  /** When set, /v1/* requires `Authorization: Bearer <apiKey>` (for a server reachable beyond loopback). */
  apiKey?: string;
}

export interface DetectServer {
  readonly server: Server;
  /** Starts listening; resolves to the base URL, e.g. http://127.0.0.1:8787. */
  listen(port: number, host?: string): Promise<string>;
  /**
   * Stops accepting connections, lets requests in flight finish, then
   * resolves. Connections still open after `graceMs` are cut.
   */
  close(graceMs?: number): Promise<void>;
  /** Requests being handled now. */
  inFlight(): number;
}

type Route = { method: 'GET' | 'POST'; auth: boolean; run: (req: IncomingMessage) => Promise<unknown> | unknown };

/**
 * Browser extensions (ours included) may call the server cross-origin; web
 * pages may not. Non-JSON "simple" requests from pages are refused with 415
 * before any work is done.
 */
const EXTENSION_ORIGIN = /^(chrome|moz|safari-web)-extension:\/\/[\w.-]+$/;

const digest = (s: string) => createHash('sha256').update(s).digest();

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);
/** Hostname of a Host header ("127.0.0.1:8787" -> "127.0.0.1", "[::1]:80" -> "[::1]"). */
const hostName = (header: string) => header.replace(/:\d+$/, '').toLowerCase();

export function createDetectServer(options: DetectServerOptions): DetectServer {
  const ctx: HandlerContext = {
    detector: options.detector,
    modelId: options.modelId ?? `tickerlens-${options.detector.name}`,
    maxBatch: options.maxBatch ?? 256,
  };
  const maxBodyBytes = options.maxBodyBytes ?? 1024 * 1024;
  const reportError = options.onError ?? ((err: unknown) => console.error('tickerlens serve: request failed:', err));
  const started = Date.now();
  let inFlight = 0;
  let closing = false;
  /** Set when bound to loopback: then only loopback Host headers are served (no DNS rebinding from web pages). */
  let loopbackOnly = false;
  const keyDigest = options.apiKey ? digest(`Bearer ${options.apiKey}`) : undefined;
  const authorized = (req: IncomingMessage) => !keyDigest || timingSafeEqual(digest(req.headers.authorization ?? ''), keyDigest);

  const routes: Record<string, Route> = {
    '/v1/chat/completions': { method: 'POST', auth: true, run: async (req) => handleChatCompletion(ctx, await readJsonBody(req, maxBodyBytes)) },
    '/v1/detect': { method: 'POST', auth: true, run: async (req) => handleDetect(ctx, await readJsonBody(req, maxBodyBytes)) },
    '/v1/models': { method: 'GET', auth: true, run: () => modelList(ctx) },
    '/health': {
      method: 'GET',
      auth: false,
      run: () => ({ status: 'ok', engine: ctx.detector.name, model: ctx.modelId, inFlight: inFlight - 1 /* not counting this request */, uptimeS: Math.round((Date.now() - started) / 1000) }),
    },
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    inFlight += 1;
    // Checked when the reply goes out: a request that was in flight when close()
    // began must still end its keep-alive connection.
    const closeIfShuttingDown = () => closing && !res.headersSent && res.setHeader('connection', 'close');
    try {
      if (loopbackOnly && !LOOPBACK_HOSTS.has(hostName(req.headers.host ?? ''))) {
        throw new HttpError(403, `Host ${JSON.stringify(req.headers.host ?? '')} is not served: this server listens on loopback only`, 'forbidden_host');
      }
      const path = new URL(req.url ?? '/', 'http://localhost').pathname.replace(/\/+$/, '') || '/';
      const route = routes[path];
      if (!route) {
        // A common slip: an OpenAI base URL without /v1.
        const hint = routes[`/v1${path}`] ? ` (did you mean /v1${path}? the OpenAI base URL ends in /v1)` : '';
        throw new HttpError(404, `no such endpoint: ${path}${hint}`, 'not_found');
      }
      const origin = req.headers.origin;
      if (origin && EXTENSION_ORIGIN.test(origin)) {
        res.setHeader('access-control-allow-origin', origin);
        res.setHeader('vary', 'origin');
      }
      if (req.method === 'OPTIONS') {
        // CORS preflight: only extension origins got an allow-origin header above.
        res.writeHead(204, {
          allow: `${route.method}, OPTIONS`,
          'access-control-allow-methods': `${route.method}, OPTIONS`,
          'access-control-allow-headers': 'content-type, authorization',
          'access-control-max-age': '600',
        });
        res.end();
        return;
      }
      if (req.method !== route.method && !(route.method === 'GET' && req.method === 'HEAD')) {
        throw new HttpError(405, `${req.method} is not allowed on ${path}; use ${route.method}`, 'method_not_allowed', { allow: route.method });
      }
      if (route.auth && !authorized(req)) {
        throw new HttpError(401, 'missing or wrong API key: send Authorization: Bearer <key>', 'invalid_api_key', { 'www-authenticate': 'Bearer' });
      }
      const body = await route.run(req);
      closeIfShuttingDown();
      sendJson(res, 200, body);
    } catch (err) {
      closeIfShuttingDown();
      if (err instanceof HttpError) {
        sendError(res, err);
        // Unread bodies (413, early 4xx) are drained and discarded so the client still gets the reply.
        if (!req.readableEnded) req.resume();
      } else {
        reportError(err);
        sendError(res, new HttpError(500, `internal error: ${(err as Error)?.message ?? String(err)}`, 'internal_error'));
      }
    } finally {
      inFlight -= 1;
    }
  }

  const server = createServer((req, res) => void handle(req, res));
  // Bound slow clients; a detect batch itself is fast.
  server.requestTimeout = 60_000;
  server.headersTimeout = 20_000;

  return {
    server,
    inFlight: () => inFlight,
    listen: (port, host = '127.0.0.1') =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          loopbackOnly = LOOPBACK_HOSTS.has(host.toLowerCase());
          const { address, port: bound } = server.address() as AddressInfo;
          resolve(`http://${address.includes(':') ? `[${address}]` : address}:${bound}`);
        });
      }),
    close: (graceMs = 10_000) =>
      new Promise((resolve) => {
        closing = true;
        // close() stops accepting and ends idle keep-alive sockets; busy ones end after their reply.
        const timer = setTimeout(() => server.closeAllConnections(), graceMs);
        timer.unref();
        server.close(() => {
          clearTimeout(timer);
          resolve();
        });
        server.closeIdleConnections();
      }),
  };
}
