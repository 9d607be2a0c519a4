/**
 * A loopback OpenAI-compatible chat-completions server for tests. Each
 * request to POST /v1/chat/completions is answered by the test's `handler`,
 * which picks a scripted behaviour: a valid labels reply, raw content
 * (malformed JSON, schema violations), an HTTP error (429 with Retry-After,
 * 500, 400 rejecting json_schema), a delay, a hang, or a dropped connection.
 *
 *   const fake = await startFakeOpenAI({ handler: answerWith((p) => ({ coins: p.text.includes('BTC') ? ['BTC'] : [] })) });
 *   // point a RemoteDetector / the extension at fake.url (ends in /v1)
 *   await fake.close();
 */
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { PostInput } from '../../utils/detector';
import { parseUserMessage } from '../../utils/remote/prompt';

export interface FakeRequest {
  /** 0-based arrival order. */
  index: number;
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  /** Parsed JSON body (undefined when not JSON). */
  body: any;
  /** Posts parsed from the last user message in TickerLens's prompt format, when present. */
  posts?: PostInput[];
  /** body.response_format.type, when present. */
  responseFormat?: string;
}

export interface FakeUsage {
  prompt_tokens: number;
  completion_tokens: number;
}

export interface FakeLabel {
  id: string;
  coins: string[];
  mentions?: [string, string][];
}

export type FakeResponse =
  /** A well-formed completion whose content is {"posts": posts}. */
  | { kind: 'labels'; posts: FakeLabel[]; usage?: FakeUsage | null }
  /** A well-formed completion with this exact message content (malformed JSON, wrong schema, null). */
  | { kind: 'content'; content: string | null; usage?: FakeUsage | null; finishReason?: string }
  /** An OpenAI-style error body {"error":{"message"}} with this status. */
  | { kind: 'error'; status: number; message?: string; headers?: Record<string, string> }
  /** Anything else, verbatim. */
  | { kind: 'raw'; status: number; body: string; headers?: Record<string, string> }
  /** Answer with `then` after `ms` milliseconds. */
  | { kind: 'delay'; ms: number; then: FakeResponse }
  /** Never answer (until the client gives up or the server closes). */
  | { kind: 'hang' }
  /** Destroy the socket without answering: a network error for the client. */
  | { kind: 'drop' };

export type FakeHandler = (req: FakeRequest) => FakeResponse | Promise<FakeResponse>;

export interface FakeOpenAI {
  /** Base URL including /v1, e.g. http://127.0.0.1:40123/v1. */
  url: string;
  /** Every request received, in arrival order (chat completions and others). */
  requests: FakeRequest[];
  /** Most chat-completion requests that were being handled at the same time. */
  maxInFlight(): number;
  close(): Promise<void>;
}

/** Handler that labels every post in the prompt with `label(post)`. */
export function answerWith(label: (post: PostInput) => Omit<FakeLabel, 'id'>, usage: FakeUsage = { prompt_tokens: 100, completion_tokens: 20 }): FakeHandler {
  return (req) => {
    if (!req.posts) return { kind: 'error', status: 400, message: 'no TickerLens posts in the user message' };
    return { kind: 'labels', posts: req.posts.map((p) => ({ id: p.id, ...label(p) })), usage };
  };
}

/** Wraps a handler so that json_schema response formats get the 400 servers without structured outputs send. */
export function rejectingJsonSchema(inner: FakeHandler): FakeHandler {
  return (req) =>
    req.responseFormat === 'json_schema'
      ? { kind: 'error', status: 400, message: "Invalid parameter: 'response_format' of type 'json_schema' is not supported with this model." }
      : inner(req);
}

export async function startFakeOpenAI({ port = 0, handler }: { port?: number; handler: FakeHandler }): Promise<FakeOpenAI> {
  const requests: FakeRequest[] = [];
  let inFlight = 0;
  let maxInFlight = 0;

  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    let body: any;
    try {
      body = raw ? JSON.parse(raw) : undefined;
    } catch {
      body = undefined;
    }
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const record: FakeRequest = { index: requests.length, method: req.method ?? 'GET', path, headers: req.headers, body };
    requests.push(record);

    if (req.method === 'GET' && path === '/v1/models') {
      return send(res, 200, JSON.stringify({ object: 'list', data: [{ id: 'fake-model', object: 'model', created: 0, owned_by: 'test' }] }));
    }
    if (req.method !== 'POST' || path !== '/v1/chat/completions') {
      return send(res, 404, JSON.stringify({ error: { message: `no route ${req.method} ${path}`, type: 'invalid_request_error' } }));
    }
    record.responseFormat = body?.response_format?.type;
    const user = Array.isArray(body?.messages) ? [...body.messages].reverse().find((m: any) => m?.role === 'user') : undefined;
    if (typeof user?.content === 'string') {
      try {
        record.posts = parseUserMessage(user.content).posts;
      } catch {
        // Not our prompt format: the handler decides what to do.
      }
    }

    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    try {
      await respond(res, await handler(record), String(body?.model ?? 'fake-model'));
    } finally {
      inFlight -= 1;
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const { port: bound } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${bound}/v1`,
    requests,
    maxInFlight: () => maxInFlight,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function respond(res: ServerResponse, reply: FakeResponse, model: string): Promise<void> {
  switch (reply.kind) {
    case 'labels':
      return respond(res, { kind: 'content', content: JSON.stringify({ posts: reply.posts }), usage: reply.usage }, model);
    case 'content': {
      const usage = reply.usage === undefined ? { prompt_tokens: 100, completion_tokens: 20 } : reply.usage;
      const completion = {
        id: 'chatcmpl-fake',
        object: 'chat.completion',
        created: Math.floor(Date.now() / 1000),
        model,
        choices: [{ index: 0, message: { role: 'assistant', content: reply.content }, finish_reason: reply.finishReason ?? 'stop' }],
        ...(usage ? { usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens } } : {}),
      };
      return send(res, 200, JSON.stringify(completion));
    }
    case 'error':
      return send(res, reply.status, JSON.stringify({ error: { message: reply.message ?? `HTTP ${reply.status}`, type: 'fake_error' } }), reply.headers);
    case 'raw':
      return send(res, reply.status, reply.body, reply.headers);
    case 'delay':
      await new Promise((r) => setTimeout(r, reply.ms));
      return respond(res, reply.then, model);
    case 'hang':
      // Resolve when the client goes away, so the in-flight count stays honest.
      return new Promise((resolve) => res.on('close', () => resolve()));
    case 'drop':
      res.socket?.destroy();
      return;
  }
}

function send(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  if (res.destroyed) return;
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(body);
}
