/**
 * Contract-address finder. Runs on the ORIGINAL text (base58 is
 * case-sensitive). Addresses never add coins; they are reported beside them.
 */
import type { AddressHit } from '../detector';

const SUI = /0x[0-9a-fA-F]{1,64}::[A-Za-z_][A-Za-z0-9_]*::[A-Za-z_][A-Za-z0-9_]*/g;
const EVM = /(?<![0-9a-zA-Z])0x[0-9a-fA-F]{40}(?![0-9a-zA-Z])/g;
const B58_WHOLE = /^[1-9A-HJ-NP-Za-km-z]+$/;
const isAlnum = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/**
 * Guards for base58 look-alikes: long hashtags, words, repeated characters.
 * Real Solana / Tron addresses mix upper, lower and digits.
 */
export function looksLikeBase58Address(s: string): boolean {
  if (/(.)\1{4,}/.test(s)) return false; // AAAAA… filler
  const digits = (s.match(/[0-9]/g) ?? []).length;
  const upper = (s.match(/[A-Z]/g) ?? []).length;
  const lower = (s.match(/[a-z]/g) ?? []).length;
  if (upper === 0 || lower === 0) return false; // one-case words / shouting
  if (digits === 0 && !s.endsWith('pump')) {
    // A random 32+ char base58 string almost always has a digit; all-letter ones are
    // accepted only when they look random, not like CamelCaseWords or long words.
    if (/^(?:[A-Z][a-z]*)+$/.test(s)) return false;
    const caseFlips = (s.match(/[a-z][A-Z]|[A-Z][a-z]/g) ?? []).length;
    if (caseFlips < s.length / 4) return false;
  }
  return true;
}

export function findAddresses(text: string): AddressHit[] {
  const hits: AddressHit[] = [];
  const taken: [number, number][] = [];
  const overlaps = (s: number, e: number) => taken.some(([a, b]) => s < b && e > a);
  const push = (chain: AddressHit['chain'], address: string, start: number) => {
    const end = start + address.length;
    if (overlaps(start, end)) return;
    taken.push([start, end]);
    hits.push({ chain, address, start, end });
  };
  if (text.length < 32) return hits;
  if (text.includes('::')) for (const m of text.matchAll(SUI)) push('sui', m[0], m.index);
  if (text.includes('0x')) for (const m of text.matchAll(EVM)) push('evm', m[0], m.index);
  // Manual pass for whole alphanumeric runs of 32–44 characters (cheaper than a global regex).
  let runStart = -1;
  for (let i = 0; i <= text.length; i++) {
    const alnum = i < text.length && isAlnum(text.charCodeAt(i));
    if (alnum) {
      if (runStart < 0) runStart = i;
      continue;
    }
    if (runStart < 0) continue;
    const len = i - runStart;
    const start = runStart;
    runStart = -1;
    if (len < 32 || len > 44) continue;
    const s = text.slice(start, i);
    if (!B58_WHOLE.test(s)) continue; // contains 0, O, I or l
    if (!looksLikeBase58Address(s)) continue;
    push(s.length === 34 && s.startsWith('T') ? 'tron' : 'solana', s, start);
  }
  return hits.sort((a, b) => a.start - b.start);
}
