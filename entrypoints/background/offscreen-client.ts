/**
 * The background's side of the offscreen document that hosts the local engine.
 * Only one offscreen document may exist; it can be closed by the browser at
 * any time, so every call makes sure it exists and, when the document dies
 * with the call in flight, recreates it and sends the call again.
 */
import { browser } from 'wxt/browser';
import type { z } from 'zod';
import type { Detection, PostInput } from '@/utils/detector';
import { OffscreenDetectReply, OffscreenStatusReply, describeIssues, type EngineStatus } from '@/utils/messages';

const OFFSCREEN_PATH = 'offscreen.html';
const ATTEMPTS = 3;

let creating: Promise<void> | null = null;

async function hasDocument(): Promise<boolean> {
  const url = browser.runtime.getURL(`/${OFFSCREEN_PATH}` as '/');
  const contexts = await browser.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT' as never], documentUrls: [url] });
  return contexts.length > 0;
}

export async function ensureOffscreen(): Promise<void> {
  if (await hasDocument()) return;
  creating ??= browser.offscreen
    .createDocument({
      url: OFFSCREEN_PATH,
      reasons: ['WORKERS' as never],
      justification: 'Runs the local coin-detection engine (WebAssembly / WebGPU model) outside the service worker.',
    })
    .catch((e: unknown) => {
      // Another call created it first: fine.
      if (!/single offscreen|already/i.test(String(e))) throw e;
    })
    .finally(() => {
      creating = null;
    });
  await creating;
}

/** Closes the document (tests and "reload engine"); the next call recreates it. */
export async function closeOffscreen(): Promise<void> {
  if (await hasDocument()) await browser.offscreen.closeDocument();
}

/** True for the errors a message gets when its receiver went away. */
function isGone(e: unknown): boolean {
  return /Receiving end does not exist|message port closed|context invalidated|No SW/i.test(String(e));
}

async function call<S extends z.ZodTypeAny>(message: object, schema: S): Promise<z.infer<S>> {
  let lastError: unknown;
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    await ensureOffscreen();
    let raw: unknown;
    try {
      raw = await browser.runtime.sendMessage(message);
    } catch (e) {
      if (!isGone(e)) throw e;
      lastError = e;
      continue;
    }
    // undefined: the document closed (or reloaded) before answering; send again.
    if (raw === undefined) {
      lastError = new Error('offscreen document closed before answering');
      continue;
    }
    const parsed = schema.safeParse(raw);
    if (!parsed.success) throw new Error(`bad reply from offscreen document: ${describeIssues(parsed.error)}`);
    return parsed.data;
  }
  throw new Error(`offscreen document unreachable: ${String(lastError)}`);
}

export async function offscreenDetect(posts: PostInput[]): Promise<{ detections: Detection[]; status: EngineStatus }> {
  const reply = await call({ target: 'offscreen', type: 'offscreen-detect', posts }, OffscreenDetectReply);
  if (!reply.ok) throw new Error(reply.error);
  return { detections: reply.detections, status: reply.status };
}

export async function offscreenStatus(): Promise<EngineStatus> {
  const reply = await call({ target: 'offscreen', type: 'offscreen-status' }, OffscreenStatusReply);
  if (!reply.ok) return { backend: 'lexicon', error: reply.error };
  return reply.status;
}
