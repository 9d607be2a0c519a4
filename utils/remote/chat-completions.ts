/**
 * The slice of the OpenAI chat-completions wire format that TickerLens uses,
 * as zod schemas: the client validates replies with them, `npm run serve`
 * validates requests with them.
 */
import { z } from 'zod';

const TextPart = z.looseObject({ type: z.literal('text'), text: z.string() });

export const ChatMessage = z.looseObject({
  role: z.enum(['system', 'developer', 'user', 'assistant', 'tool']),
  content: z.union([z.string(), z.array(TextPart), z.null()]),
});
export type ChatMessage = z.infer<typeof ChatMessage>;

export const ResponseFormat = z.discriminatedUnion('type', [
  z.looseObject({ type: z.literal('text') }),
  z.looseObject({ type: z.literal('json_object') }),
  z.looseObject({
    type: z.literal('json_schema'),
    json_schema: z.looseObject({ name: z.string().min(1), schema: z.record(z.string(), z.unknown()).optional(), strict: z.boolean().nullable().optional() }),
  }),
]);
export type ResponseFormat = z.infer<typeof ResponseFormat>;

export const ChatCompletionRequest = z.looseObject({
  model: z.string().min(1),
  messages: z.array(ChatMessage).min(1),
  response_format: ResponseFormat.optional(),
  stream: z.boolean().optional(),
  temperature: z.number().min(0).max(2).optional(),
});
export type ChatCompletionRequest = z.infer<typeof ChatCompletionRequest>;

export const Usage = z.looseObject({
  prompt_tokens: z.number().int().nonnegative(),
  completion_tokens: z.number().int().nonnegative(),
  total_tokens: z.number().int().nonnegative().optional(),
});
export type Usage = z.infer<typeof Usage>;

export const ChatCompletionResponse = z.looseObject({
  id: z.string().optional(),
  model: z.string().optional(),
  choices: z
    .array(
      z.looseObject({
        index: z.number().int().optional(),
        message: z.looseObject({ role: z.string().optional(), content: z.string().nullable(), refusal: z.string().nullable().optional() }),
        finish_reason: z.string().nullable().optional(),
      }),
    )
    .min(1),
  usage: Usage.nullable().optional(),
});
export type ChatCompletionResponse = z.infer<typeof ChatCompletionResponse>;

/** Plain text of a message whose content may be a string or text parts. */
export function messageText(content: ChatMessage['content']): string {
  if (content === null) return '';
  return typeof content === 'string' ? content : content.map((p) => p.text).join('');
}
