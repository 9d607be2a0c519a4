/**
 * Engine factory for Node (CLIs, benchmarks). The local-model and remote
 * engines are imported lazily so the lexicon works without them.
 */
import type { Detector, EngineName } from '../detector';
import { LexiconDetector } from '../lexicon';

export interface NodeDetectorOptions {
  /** Passed through to the engine's own factory. */
  [key: string]: unknown;
}

export class EngineUnavailableError extends Error {}

async function importEngine<T>(path: string, what: string): Promise<T> {
  try {
    return (await import(/* @vite-ignore */ path)) as T;
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'ERR_MODULE_NOT_FOUND' || /Cannot find module/.test(err.message)) {
      throw new EngineUnavailableError(`${what} is not available: ${path} is missing (${err.message.split('\n')[0]})`);
    }
    throw e;
  }
}

export async function createNodeDetector(name: EngineName, opts: NodeDetectorOptions = {}): Promise<Detector> {
  switch (name) {
    case 'lexicon':
      return new LexiconDetector();
    case 'local': {
      const m = await importEngine<{ createLocalModelDetector?: (o?: object) => Detector }>('./local-model.ts', "engine 'local'");
      if (typeof m.createLocalModelDetector !== 'function') throw new EngineUnavailableError("engine 'local': utils/engines/local-model.ts has no createLocalModelDetector()");
      return m.createLocalModelDetector(opts);
    }
    case 'remote': {
      const m = await importEngine<{ createRemoteDetectorFromEnv?: (env?: object, o?: object) => Detector }>('./remote.ts', "engine 'remote'");
      if (typeof m.createRemoteDetectorFromEnv !== 'function') throw new EngineUnavailableError("engine 'remote': utils/engines/remote.ts has no createRemoteDetectorFromEnv()");
      return m.createRemoteDetectorFromEnv(process.env, opts);
    }
  }
}
