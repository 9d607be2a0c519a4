/**
 * The lexicon as seen by training prep: candidates and surface resolution from
 * utils/lexicon (the same code the runtime uses). When the lexicon module is
 * missing (early development, or a checkout without it) prep can still run
 * without lexicon features, loudly, so the pipeline stays testable.
 */
import type { Candidate } from '../utils/lexicon/candidate';

export interface LexiconApi {
  available: boolean;
  findCandidates(text: string): Candidate[];
  resolveSurface(surface: string): string | undefined;
}

export async function loadLexicon(required: boolean): Promise<LexiconApi> {
  try {
    const mod: any = await import('../utils/lexicon/index');
    if (typeof mod.findCandidates !== 'function') throw new Error('utils/lexicon/index has no findCandidates');
    return {
      available: true,
      findCandidates: (t) => mod.findCandidates(t),
      resolveSurface: (s) => (typeof mod.resolveSurface === 'function' ? mod.resolveSurface(s) : undefined),
    };
  } catch (err) {
    if (required) throw new Error(`lexicon required but not loadable: ${(err as Error).message}`);
    console.warn(`WARNING: lexicon not available (${(err as Error).message}); preparing WITHOUT lexicon features`);
    return { available: false, findCandidates: () => [], resolveSurface: () => undefined };
  }
}
