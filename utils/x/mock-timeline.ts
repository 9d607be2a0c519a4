/**
 * Builds post markup with the structure X serves (cellInnerDiv rows with
 * translateY, article[data-testid=tweet], User-Name with a verified badge that
 * is a div[role=link], permalink around `time`, tweetText with `lang`, cashtag
 * / hashtag / mention anchors, emoji as img with alt, quoted posts as
 * div[role=link][tabindex=0], "Show more"). Used by the demo page and the
 * end-to-end fixtures so both exercise the real selectors.
 * All text is escaped: post text is never interpreted as HTML.
 */

export interface MockAuthor {
  name: string;
  handle: string;
  verified?: boolean;
}

export interface MockPost {
  id: string;
  author: MockAuthor;
  lang: string;
  /** Plain text; cashtags, hashtags, @mentions and emoji are turned into X's markup. */
  text: string;
  /** When set, the timeline shows `text` truncated with "Show more"; expanding shows `fullText`. */
  fullText?: string;
  quote?: Omit<MockPost, 'quote' | 'fullText'>;
  time?: string;
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

// X serves emoji as SVG images from abs-0.twimg.com; an inline SVG drawing the character needs no network.
function emojiSrc(emoji: string): string {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 20 20"><text x="10" y="16" font-size="16" text-anchor="middle">${escapeHtml(emoji)}</text></svg>`;
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}

const TOKEN = /(\$[A-Za-z][A-Za-z0-9_]{0,11})|(#[\p{L}\p{N}_]+)|(@[A-Za-z0-9_]{1,15})|(\p{Extended_Pictographic}\uFE0F?)|(https?:\/\/\S+)/gu;

/** X's tweetText children for a plain text. */
export function richText(text: string): string {
  let html = '';
  let last = 0;
  const span = (s: string) => (s ? `<span class="css-1jxf684 r-bcqeeo r-1ttztb7 r-qvutc0 r-poiln3">${escapeHtml(s)}</span>` : '');
  for (const m of text.matchAll(TOKEN)) {
    html += span(text.slice(last, m.index));
    const tok = m[0];
    if (m[1]) {
      html += `<span class="r-18u37iz"><a dir="ltr" href="/search?q=${encodeURIComponent(tok)}&amp;src=cashtag_click" role="link" class="css-1jxf684 r-bcqeeo r-1ttztb7 r-qvutc0 r-poiln3 r-1loqt21" style="color: rgb(29, 155, 240);">${escapeHtml(tok)}</a></span>`;
    } else if (m[2]) {
      html += `<span class="r-18u37iz"><a dir="ltr" href="/hashtag/${encodeURIComponent(tok.slice(1))}?src=hashtag_click" role="link" class="css-1jxf684 r-bcqeeo r-1ttztb7 r-qvutc0 r-poiln3 r-1loqt21" style="color: rgb(29, 155, 240);">${escapeHtml(tok)}</a></span>`;
    } else if (m[3]) {
      html += `<div class="css-175oi2r r-xoduu5"><span class="r-18u37iz"><a dir="ltr" href="/${escapeHtml(tok.slice(1))}" role="link" class="css-1jxf684 r-bcqeeo r-1ttztb7 r-qvutc0 r-poiln3 r-1loqt21">${escapeHtml(tok)}</a></span></div>`;
    } else if (m[4]) {
      html += `<img alt="${escapeHtml(tok)}" draggable="false" src="${emojiSrc(tok)}" title="${escapeHtml(tok)}" class="r-4qtqp9 r-dflpy8 r-k4bwe5 r-1kpi4qh r-pp5qcn r-h9hxbl">`;
    } else {
      // X shows links shortened: the visible text is the host and the start of the path.
      const shown = tok.replace(/^https?:\/\//, '').slice(0, 24);
      html += `<a dir="ltr" href="https://t.co/abc" rel="noopener noreferrer nofollow" target="_blank" role="link" class="css-1jxf684 r-bcqeeo r-1ttztb7 r-qvutc0 r-poiln3 r-1loqt21"><span aria-hidden="true" class="css-1jxf684 r-qlhcfr">https://</span>${escapeHtml(shown)}<span aria-hidden="true" class="css-1jxf684 r-qlhcfr">…</span></a>`;
    }
    last = m.index! + tok.length;
  }
  html += span(text.slice(last));
  return html;
}

function userName(author: MockAuthor, id: string, time: string, linkTime: boolean): string {
  const badge = author.verified
    ? `<div aria-label="Provides details about verified accounts." role="link" tabindex="0" class="css-175oi2r r-1awozwy r-xoduu5"><svg viewBox="0 0 22 22" aria-label="Verified account" role="img" class="r-4qtqp9 r-yyyyoo r-1xvli5t" data-testid="icon-verified"><g><circle cx="11" cy="11" r="10"></circle><path d="M6.5 11.5l3 3 6-6.5" fill="none" stroke="#fff" stroke-width="2"></path></g></svg></div>`
    : '';
  const timeEl = `<time datetime="${escapeHtml(time)}">${escapeHtml(new Date(time).toUTCString().slice(5, 11))}</time>`;
  const timeHtml = linkTime
    ? `<a href="/${escapeHtml(author.handle)}/status/${escapeHtml(id)}" dir="ltr" aria-label="${escapeHtml(time)}" role="link" class="css-146c3p1 r-bcqeeo r-1ttztb7 r-qvutc0 r-1loqt21">${timeEl}</a>`
    : `<div class="css-175oi2r r-18u37iz r-1q142lx">${timeEl}</div>`;
  return `<div class="css-175oi2r r-1wbh5a2 r-dnmrzs" data-testid="User-Name"><div class="css-175oi2r r-1awozwy r-18u37iz r-1wbh5a2"><div class="css-175oi2r r-1wbh5a2 r-dnmrzs"><a href="/${escapeHtml(author.handle)}" role="link" class="css-175oi2r r-1wbh5a2 r-dnmrzs r-1ny4l3l r-1loqt21"><div class="css-175oi2r r-1awozwy r-18u37iz r-1wbh5a2 r-dnmrzs"><div dir="ltr" class="css-146c3p1 r-bcqeeo r-1ttztb7 r-qvutc0"><span class="css-1jxf684 r-dnmrzs r-1udh08x">${escapeHtml(author.name)}</span></div>${badge}</div></a></div></div><div class="css-175oi2r r-18u37iz r-1wbh5a2 r-13hce6t"><div class="css-175oi2r r-1d09ksm r-18u37iz r-1wbh5a2"><div class="css-175oi2r r-1wbh5a2 r-dnmrzs r-1ny4l3l"><a href="/${escapeHtml(author.handle)}" role="link" tabindex="-1" class="css-175oi2r r-1wbh5a2 r-dnmrzs r-1ny4l3l r-1loqt21"><div dir="ltr" class="css-146c3p1 r-dnmrzs r-1udh08x"><span class="css-1jxf684">@${escapeHtml(author.handle)}</span></div></a></div><div dir="ltr" aria-hidden="true" class="css-146c3p1 r-1q142lx r-n7gxbd"><span class="css-1jxf684">·</span></div><div class="css-175oi2r r-18u37iz r-1q142lx">${timeHtml}</div></div></div></div>`;
}

function tweetText(text: string, lang: string): string {
  return `<div dir="auto" lang="${escapeHtml(lang)}" class="css-146c3p1 r-8akbws r-krxsd3 r-dnmrzs r-1udh08x r-bcqeeo r-1ttztb7 r-qvutc0 r-37j5jr r-a023e6 r-rjixqe r-16dba41 r-bnwqim" id="id__${Math.random().toString(36).slice(2, 9)}" data-testid="tweetText" style="-webkit-line-clamp: 10;">${richText(text)}</div>`;
}

function quoteHtml(q: NonNullable<MockPost['quote']>): string {
  // X does not link the quoted post's time: the whole card is the link.
  return `<div class="css-175oi2r r-9aw3ui r-1s2bzr4"><div aria-labelledby="id__q${escapeHtml(q.id)}" class="css-175oi2r r-9aw3ui" id="id__q${escapeHtml(q.id)}"><div class="css-175oi2r r-adacv r-1udh08x r-1ets6dv r-1867qdf r-rs99b7 r-o7ynqc r-6416eg r-1ny4l3l r-1loqt21" tabindex="0" role="link"><div class="css-175oi2r r-eqz5dr r-jusfrs r-1s2bzr4">${userName(q.author, q.id, q.time ?? '2026-11-24T09:00:00.000Z', false)}<div class="css-175oi2r">${tweetText(q.text, q.lang)}</div></div></div></div></div>`;
}

export function articleHtml(post: MockPost): string {
  const time = post.time ?? '2026-11-24T10:00:00.000Z';
  const showMore = post.fullText
    ? `<button data-testid="tweet-text-show-more-link" type="button" role="button" class="css-146c3p1 r-bcqeeo r-qvutc0 r-37j5jr r-q4m81j r-a023e6 r-rjixqe r-16dba41 r-b88u0q r-1loqt21 r-1s2bzr4" style="color: rgb(29, 155, 240); background: none; border: 0; padding: 0; cursor: pointer;">Show more</button>`
    : '';
  return `<article aria-labelledby="id__${escapeHtml(post.id)}" role="article" tabindex="0" class="css-175oi2r r-18u37iz r-1udh08x r-i023vh r-1qhn6m8 r-o7ynqc r-6416eg r-1ny4l3l r-1loqt21" data-testid="tweet"><div class="css-175oi2r r-eqz5dr r-16y2uox r-1wbh5a2"><div class="css-175oi2r r-16y2uox r-1wbh5a2 r-1ny4l3l"><div class="css-175oi2r r-18u37iz"><div class="css-175oi2r r-1iusvr4 r-16y2uox r-ttdzmv"></div></div><div class="css-175oi2r r-18u37iz"><div class="css-175oi2r r-18kxxzh r-1wron08 r-onrtq4 r-1awozwy"><div class="css-175oi2r" data-testid="Tweet-User-Avatar"><div class="css-175oi2r r-1adg3ll r-bztko3" style="width: 40px; height: 40px;"><div class="tl-avatar" aria-hidden="true">${escapeHtml([...post.author.name][0] ?? '?')}</div></div></div></div><div class="css-175oi2r r-1iusvr4 r-16y2uox r-1777fci r-kzbkwu"><div class="css-175oi2r r-zl2h9q"><div class="css-175oi2r r-k4xj1c r-18u37iz r-1wtj0ep">${userName(post.author, post.id, time, true)}</div></div><div class="css-175oi2r">${tweetText(post.text, post.lang)}${showMore}</div>${post.quote ? quoteHtml(post.quote) : ''}<div class="css-175oi2r"><div aria-label="3 replies, 12 reposts, 40 likes" role="group" class="css-175oi2r r-1kbdv8c r-18u37iz r-1wtj0ep r-1ye8kvj r-1s2bzr4"><button data-testid="reply" type="button" aria-label="3 Replies. Reply" class="tl-action">💬 3</button><button data-testid="retweet" type="button" aria-label="12 reposts. Repost" class="tl-action">🔁 12</button><button data-testid="like" type="button" aria-label="40 Likes. Like" class="tl-action">♡ 40</button></div></div></div></div></div></div></article>`;
}

export const ROW_HEIGHT = 300;

/** One timeline row; `virtual` rows are absolutely positioned at a fixed height, as X's virtualized list does. */
export function cellHtml(post: MockPost, index: number, virtual = true): string {
  const style = virtual ? `transform: translateY(${index * ROW_HEIGHT}px); position: absolute; width: 100%; height: ${ROW_HEIGHT}px; overflow: hidden;` : 'position: relative;';
  return `<div class="css-175oi2r r-1igl3o0 r-qklmqi r-1adg3ll r-1ny4l3l" data-testid="cellInnerDiv" style="${style}"><div class="css-175oi2r r-1adg3ll r-1ny4l3l"><div class="css-175oi2r">${articleHtml(post)}</div></div></div>`;
}

/** Styles that make the mock readable; the structure, not the look, is what matters. */
export const MOCK_TIMELINE_CSS = `
body { margin: 0; font: 15px/1.35 -apple-system, "Segoe UI", Roboto, "Noto Sans SC", sans-serif; }
body.light { background: rgb(255, 255, 255); color: rgb(15, 20, 25); }
body.dim { background: rgb(21, 32, 43); color: rgb(247, 249, 249); }
body.dark { background: rgb(0, 0, 0); color: rgb(231, 233, 234); }
main[role="main"] { max-width: 600px; margin: 0 auto; border-left: 1px solid rgba(128,128,128,.3); border-right: 1px solid rgba(128,128,128,.3); min-height: 100vh; }
[data-testid="primaryColumn"] header { padding: 12px 16px; font-weight: 700; font-size: 20px; }
section[aria-labelledby] > div { position: relative; }
article[data-testid="tweet"] { padding: 12px 16px; border-bottom: 1px solid rgba(128,128,128,.3); cursor: pointer; }
article [class*="r-18u37iz"]:has(> [class*="r-18kxxzh"]) { display: flex; gap: 12px; }
.tl-avatar { width: 40px; height: 40px; border-radius: 50%; background: #1d9bf0; color: #fff; display: flex; align-items: center; justify-content: center; font-weight: 700; }
[data-testid="User-Name"] { display: flex; gap: 4px; flex-wrap: wrap; align-items: center; color: inherit; }
[data-testid="User-Name"] div { display: inline-flex; align-items: center; gap: 4px; }
[data-testid="User-Name"] a { color: inherit; text-decoration: none; font-weight: 700; }
[data-testid="User-Name"] [class*="r-13hce6t"] a, [data-testid="User-Name"] time { font-weight: 400; opacity: .7; }
[data-testid="User-Name"] > div { display: flex; align-items: center; gap: 4px; }
[data-testid="User-Name"] div[role="link"] svg { width: 17px; height: 17px; fill: #1d9bf0; }
[data-testid="tweetText"] { white-space: pre-wrap; margin-top: 2px; }
[data-testid="tweetText"] a { text-decoration: none; color: rgb(29, 155, 240); }
[data-testid="tweetText"] img { width: 1.1em; height: 1.1em; vertical-align: -0.2em; }
[data-testid="tweetText"] [class*="r-xoduu5"] { display: inline; }
[role="link"][tabindex="0"][class*="r-1867qdf"] { border: 1px solid rgba(128,128,128,.4); border-radius: 16px; padding: 10px 12px; margin-top: 10px; }
[role="group"] { display: flex; gap: 40px; margin-top: 10px; }
.tl-action { background: none; border: 0; color: inherit; opacity: .6; font: inherit; }
`;
