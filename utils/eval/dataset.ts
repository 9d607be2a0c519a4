/**
 * Labeled JSONL records (../shared/LABELING.md record format), zod-validated.
 * A bad line is an error that names the file and line; nothing is skipped silently.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';

export const LabeledRecord = z.object({
  id: z.union([z.string(), z.number()]).transform(String),
  text: z.string(),
  lang: z.string().optional(),
  source: z.string().optional(),
  slice: z.string().optional(),
  coins: z.array(z.string().min(1)),
  mentions: z.array(z.tuple([z.string(), z.string()])).optional(),
  addresses: z.array(z.object({ chain: z.string(), address: z.string() })).optional(),
  ambiguous: z.boolean().optional(),
  /** silver.jsonl's name for `ambiguous`. */
  unsure: z.boolean().optional(),
  split: z.string().optional(),
});
export type LabeledRecord = z.infer<typeof LabeledRecord>;

/** Input for analyze: only id and text are needed. */
export const TextRecord = z.object({
  id: z.union([z.string(), z.number()]).transform(String),
  text: z.string(),
  lang: z.string().optional(),
});
export type TextRecord = z.infer<typeof TextRecord>;

export class DatasetError extends Error {}

export function parseJsonl<T>(content: string, schema: z.ZodType<T>, file = '<input>'): T[] {
  const out: T[] = [];
  const lines = content.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (!line) continue;
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch (e) {
      throw new DatasetError(`${file}:${i + 1}: not valid JSON (${(e as Error).message})`);
    }
    const r = schema.safeParse(raw);
    if (!r.success) {
      const issue = r.error.issues[0]!;
      throw new DatasetError(`${file}:${i + 1}: ${issue.path.join('.') || 'record'}: ${issue.message}`);
    }
    out.push(r.data);
  }
  return out;
}

export function readJsonl<T>(path: string, schema: z.ZodType<T>): T[] {
  let content: string;
  try {
    content = readFileSync(path, 'utf8');
  } catch (e) {
    throw new DatasetError(`cannot read ${path}: ${(e as Error).message}`);
  }
  return parseJsonl(content, schema, path);
}
