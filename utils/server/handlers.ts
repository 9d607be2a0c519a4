/**
 * What each endpoint of `npm run serve` computes, apart from HTTP plumbing:
 * /v1/detect returns Detections; /v1/chat/completions reads the posts out of
 * a RemoteDetector-style prompt and answers in the remote reply schema.
 */
import { z } from 'zod';
import { type Detection, type Detector, PostInput } from '../detector';
import { ChatCompletionRequest, messageText } from '../remote/chat-completions';
import { parseUserMessage } from '../remote/prompt';
import type { RemoteReply } from '../remote/reply';
import { estimateTokens } from '../remote/usage';
import { HttpError, parseOr400 } from './http-json';

export interface HandlerContext {
  detector: Detector;
  /** Model id reported by /v1/models and in completions. */
  modelId: string;
  maxBatch: number;
}

function checkBatch(count: number, maxBatch: number): void {
  if (count > maxBatch) throw new HttpError(400, `too many posts: ${count} in one request, at most ${maxBatch}`, 'batch_too_large');
}

const DetectRequest = z.object({ posts: z.array(PostInput).min(1, 'posts must hold at least one post') });

export async function handleDetect(ctx: HandlerContext, body: unknown): Promise<{ results: Detection[] }> {
  const { posts } = parseOr400(DetectRequest, body, '/v1/detect body');
  checkBatch(posts.length, ctx.maxBatch);
  return { results: await ctx.detector.detect(posts) };
}

export async function handleChatCompletion(ctx: HandlerContext, body: unknown) {
  const request = parseOr400(ChatCompletionRequest, body, 'chat completion request');
  if (request.stream) throw new HttpError(400, 'stream: true is not supported; send stream: false', 'unsupported_parameter');
  const user = [...request.messages].reverse().find((m) => m.role === 'user');
  if (!user) throw new HttpError(400, 'messages must include a user message holding the posts', 'invalid_request');
  let posts;
  try {
    posts = parseUserMessage(messageText(user.content)).posts;
  } catch (err) {
    throw new HttpError(400, (err as Error).message, 'invalid_prompt');
  }
  checkBatch(posts.length, ctx.maxBatch);
  const detections = await ctx.detector.detect(posts);
  const reply: RemoteReply = {
    posts: detections.map((d) => ({
      id: d.id,
      coins: d.coins.map((c) => c.symbol),
      mentions: d.spans.map((s): [string, string] => [s.text, s.symbol]),
    })),
  };
  const content = JSON.stringify(reply);
  // Estimates: this server has no tokenizer.
  const promptTokens = request.messages.reduce((n, m) => n + estimateTokens(messageText(m.content)), 0);
  const completionTokens = estimateTokens(content);
  return {
    id: `chatcmpl-${crypto.randomUUID()}`,
    object: 'chat.completion' as const,
    created: Math.floor(Date.now() / 1000),
    model: ctx.modelId,
    choices: [{ index: 0, message: { role: 'assistant' as const, content }, finish_reason: 'stop' as const }],
    usage: { prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: promptTokens + completionTokens },
  };
}

export function modelList(ctx: HandlerContext) {
  return { object: 'list' as const, data: [{ id: ctx.modelId, object: 'model' as const, created: 0, owned_by: 'tickerlens' }] };
}
