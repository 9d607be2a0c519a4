/**
 * Reads posts out of X's DOM: status id, text (cashtag / hashtag link text and
 * emoji alt text included) and language, for a post and its quoted post.
 * Read-only: never touches X's nodes.
 */
import { HOST_TAG, STATUS_ID, X } from './selectors';

export interface ExtractedPost {
  /** Status id of the post; for a quoted post whose id X does not link, `<outer id>/quote`. */
  id: string;
  text: string;
  lang?: string;
  /** The tweetText element; chips go right after it. */
  textEl: Element;
  role: 'main' | 'quote';
}

/** Text as a reader sees it: text nodes, emoji `img` alt text, line breaks; our own chips skipped. */
export function readText(el: Element): string {
  let out = '';
  const walk = (node: Node) => {
    if (node.nodeType === 3) {
      out += (node as Text).data;
      return;
    }
    if (node.nodeType !== 1) return;
    const e = node as Element;
    const tag = e.tagName.toLowerCase();
    if (tag === HOST_TAG) return;
    if (tag === 'img') {
      out += e.getAttribute('alt') ?? '';
      return;
    }
    if (tag === 'br') {
      out += '\n';
      return;
    }
    for (const child of Array.from(e.childNodes)) walk(child);
  };
  walk(el);
  return out;
}

export function statusIdFromHref(href: string | null | undefined): string | undefined {
  if (!href) return undefined;
  return STATUS_ID.exec(href)?.[1];
}

/** The quoted-post container: a div[role=link] holding its own tweetText (badges hold none). */
export function findQuote(article: Element): Element | undefined {
  for (const el of Array.from(article.querySelectorAll(X.quote))) {
    if (el.querySelector(X.text)) return el;
  }
  return undefined;
}

/** Status id from the `a[href*="/status/"]` wrapping a `time` inside `scope` but outside `exclude`. */
function statusIdIn(scope: Element, exclude?: Element): string | undefined {
  for (const time of Array.from(scope.querySelectorAll(X.time))) {
    if (exclude && exclude.contains(time)) continue;
    const link = time.closest(X.statusLink);
    if (!link || !scope.contains(link)) continue;
    const id = statusIdFromHref(link.getAttribute('href'));
    if (id) return id;
  }
  return undefined;
}

function textElIn(scope: Element, exclude?: Element): Element | undefined {
  for (const el of Array.from(scope.querySelectorAll(X.text))) {
    if (exclude && exclude.contains(el)) continue;
    return el;
  }
  return undefined;
}

/** The posts an article shows: the post itself and, when present, its quoted post. */
export function extractPosts(article: Element): ExtractedPost[] {
  const quote = findQuote(article);
  const id = statusIdIn(article, quote);
  if (!id) return [];
  const posts: ExtractedPost[] = [];
  const mainText = textElIn(article, quote);
  if (mainText) posts.push(toPost(id, mainText, 'main'));
  if (quote) {
    const qText = textElIn(quote);
    const qid = statusIdIn(quote) ?? `${id}/quote`;
    if (qText) posts.push(toPost(qid, qText, 'quote'));
  }
  return posts;
}

function toPost(id: string, textEl: Element, role: ExtractedPost['role']): ExtractedPost {
  const lang = textEl.getAttribute('lang') || undefined;
  return { id, text: readText(textEl), lang, textEl, role };
}

/** Whether the post's text is cut off on the timeline ("Show more" next to it). */
export function isTruncated(textEl: Element): boolean {
  return !!textEl.parentElement?.querySelector(`:scope > ${X.showMore}`);
}
