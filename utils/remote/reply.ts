/**
 * The reply the remote engine expects from the model: its zod schema, the JSON
 * Schema sent as `response_format`, and the parsing that turns the model's
 * text into per-post labels with normalized symbols.
 */
import { z } from 'zod';
import { foldChinese } from '../lexicon/fold';

/** [surface as written, symbol]; an object form is accepted too because some models prefer it. */
const Mention = z.union([
  z.tuple([z.string(), z.string()]),
  z.object({ surface: z.string(), symbol: z.string() }).transform((m): [string, string] => [m.surface, m.symbol]),
]);

export const ReplyPost = z.object({
  // Some models echo numeric ids as numbers.
  id: z.union([z.string().min(1), z.number().int()]).transform(String),
  coins: z.array(z.string().max(100)).max(100),
  mentions: z.array(Mention).max(200).optional(),
});
export type ReplyPost = z.infer<typeof ReplyPost>;

export const RemoteReply = z.object({ posts: z.array(ReplyPost) });
export type RemoteReply = z.infer<typeof RemoteReply>;

/** JSON Schema for `response_format: {type:'json_schema'}` (strict mode: every key required, no extras). */
export const REPLY_JSON_SCHEMA = {
  name: 'tickerlens_labels',
  strict: true,
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['posts'],
    properties: {
      posts: {
        type: 'array',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['id', 'coins', 'mentions'],
          properties: {
            id: { type: 'string' },
            coins: { type: 'array', items: { type: 'string' } },
            mentions: {
              type: 'array',
              description: 'pairs [surface as written in the post, ticker]',
              items: { type: 'array', items: { type: 'string' } },
            },
          },
        },
      },
    },
  },
} as const;

/**
 * Canonical symbol form (LABELING.md): NFKC, no leading $ # @, no spaces,
 * Latin letters upper-cased, Chinese kept with traditional characters folded
 * to simplified ($幣安人生 -> 币安人生). Returns '' for input that holds no symbol.
 */
export function normalizeSymbol(raw: string): string {
  return foldChinese(raw.normalize('NFKC').trim().replace(/^[$#@]+/, '').replace(/\s+/g, '')).toUpperCase();
}

export interface PostLabels {
  /** Normalized, de-duplicated, in reply order. */
  coins: string[];
  /** [surface, normalized symbol], only for symbols that are in `coins`. */
  mentions: [string, string][];
}

export type ReplyProblem = 'malformed_json' | 'schema_violation';

export class ReplyError extends Error {
  constructor(
    readonly problem: ReplyProblem,
    message: string,
  ) {
    super(message);
    this.name = 'ReplyError';
  }
}

/**
 * Parses the model's message content into labels per reply id. Throws
 * ReplyError when the text is not JSON or does not match RemoteReply. Repeated
 * ids keep their first entry.
 */
export function parseReply(content: string): Map<string, PostLabels> {
  let json: unknown;
  try {
    json = JSON.parse(stripCodeFence(content));
  } catch (err) {
    throw new ReplyError('malformed_json', `reply is not valid JSON: ${(err as Error).message}`);
  }
  const parsed = RemoteReply.safeParse(json);
  if (!parsed.success) throw new ReplyError('schema_violation', `reply does not match the schema: ${z.prettifyError(parsed.error)}`);
  const out = new Map<string, PostLabels>();
  for (const post of parsed.data.posts) {
    if (out.has(post.id)) continue;
    const coins = [...new Set(post.coins.map(normalizeSymbol).filter(Boolean))];
    const known = new Set(coins);
    const mentions: [string, string][] = [];
    for (const [surface, symbol] of post.mentions ?? []) {
      const s = normalizeSymbol(symbol);
      if (surface.trim() && known.has(s)) mentions.push([surface, s]);
    }
    out.set(post.id, { coins, mentions });
  }
  return out;
}

/** Models asked for bare JSON still sometimes wrap it in a ``` fence; accept that one wrapper. */
function stripCodeFence(content: string): string {
  const m = /^\s*```(?:json)?\s*\n([\s\S]*?)\n?```\s*$/.exec(content);
  return m?.[1] ?? content;
}
