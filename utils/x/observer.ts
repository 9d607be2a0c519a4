/**
 * Watches a page for changes and calls back at most once per animation frame,
 * however many mutations arrived. Mutations inside our own chip hosts are
 * ignored, so rendering chips does not wake the scanner again.
 */
import { HOST_TAG } from './selectors';

export type FrameScheduler = (cb: () => void) => void;

const defaultScheduler: FrameScheduler = (cb) => {
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => cb());
  else setTimeout(cb, 16);
};

function isOurs(node: Node | null): boolean {
  for (let n: Node | null = node; n; n = n.parentNode) {
    if (n.nodeType === 1 && (n as Element).tagName.toLowerCase() === HOST_TAG) return true;
  }
  return false;
}

/** True when a mutation record says something about X's content rather than ours. */
export function isRelevant(m: MutationRecord): boolean {
  if (isOurs(m.target)) return false;
  if (m.type === 'childList') {
    const nodes = [...Array.from(m.addedNodes), ...Array.from(m.removedNodes)];
    if (nodes.length > 0 && nodes.every((n) => n.nodeType === 1 && (n as Element).tagName.toLowerCase() === HOST_TAG)) return false;
  }
  return true;
}

export interface FrameObserver {
  /** Run the callback on the next frame even without a mutation (e.g. after settings change). */
  poke(): void;
  disconnect(): void;
}

export function observeFrames(root: Node, onFrame: () => void, schedule: FrameScheduler = defaultScheduler): FrameObserver {
  let pending = false;
  let stopped = false;
  const request = () => {
    if (pending || stopped) return;
    pending = true;
    schedule(() => {
      pending = false;
      if (!stopped) onFrame();
    });
  };
  const mo = new MutationObserver((records) => {
    if (records.some(isRelevant)) request();
  });
  mo.observe(root, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['href', 'lang'] });
  return {
    poke: request,
    disconnect() {
      stopped = true;
      mo.disconnect();
    },
  };
}
