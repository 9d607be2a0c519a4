// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeEach, describe, expect, test } from 'vitest';
import { extractPosts, findQuote, isTruncated, readText, statusIdFromHref } from '../../utils/x/extract';
import { X } from '../../utils/x/selectors';
import { articleHtml } from '../../utils/x/mock-timeline';

const FIXTURE = readFileSync(resolve(__dirname, '../fixtures/x/home-timeline.html'), 'utf8');

function articles(): Element[] {
  return Array.from(document.querySelectorAll(X.post));
}

beforeEach(() => {
  document.body.innerHTML = FIXTURE;
});

describe('extractPosts on X timeline markup', () => {
  test('reads status id, language and the text with cashtag link text, emoji alt text and line breaks', () => {
    const post = extractPosts(articles()[0]!)[0]!;
    expect(post).toMatchObject({ id: '1861000000000000001', lang: 'en', role: 'main' });
    expect(post.text).toBe('Loading up on $BTC before the weekend 🚀\nnot advice');
  });

  test('a verified badge (div[role=link]) is not taken for a quoted post', () => {
    expect(findQuote(articles()[0]!)).toBeUndefined();
    expect(extractPosts(articles()[0]!)).toHaveLength(1);
  });

  test('a quoted post is a separate post with its own text, language and key', () => {
    const posts = extractPosts(articles()[1]!);
    expect(posts.map((p) => [p.id, p.role, p.lang, p.text])).toEqual([
      ['1861000000000000002', 'main', 'zh', '大饼要起飞了 #比特币'],
      ['1861000000000000002/quote', 'quote', 'en', 'Ethereum weekly close above the range'],
    ]);
    // The main post's id comes from its own permalink, not from the quoted post's time.
    expect(posts[0]!.textEl).not.toBe(posts[1]!.textEl);
  });

  test('a quoted post that links its own status uses that id', () => {
    const art = articles()[1]!;
    const qTime = findQuote(art)!.querySelector('time')!;
    const link = document.createElement('a');
    link.setAttribute('href', '/chartguy/status/1850000000000000009');
    qTime.replaceWith(link);
    link.appendChild(qTime);
    expect(extractPosts(art).map((p) => p.id)).toEqual(['1861000000000000002', '1850000000000000009']);
  });

  test('detects a truncated post ("Show more" beside the text)', () => {
    const post = extractPosts(articles()[2]!)[0]!;
    expect(isTruncated(post.textEl)).toBe(true);
    expect(isTruncated(extractPosts(articles()[0]!)[0]!.textEl)).toBe(false);
  });

  test('posts without a status permalink or without text yield nothing', () => {
    expect(extractPosts(articles()[3]!)).toEqual([]);
    expect(extractPosts(articles()[4]!)).toEqual([]);
  });

  test('our own chip host next to the text is never read as post text', () => {
    const textEl = document.querySelector(X.text)!;
    const host = document.createElement('tickerlens-chips');
    host.textContent = 'BTC ETH';
    textEl.appendChild(host);
    expect(readText(textEl)).toBe('Loading up on $BTC before the weekend 🚀\nnot advice');
  });

  test('status ids from permalinks', () => {
    expect(statusIdFromHref('/jack/status/20')).toBe('20');
    expect(statusIdFromHref('https://x.com/i/web/status/1861000000000000001?s=20')).toBe('1861000000000000001');
    expect(statusIdFromHref('/jack/status/20/photo/1')).toBe('20');
    expect(statusIdFromHref('/jack/statuses')).toBeUndefined();
    expect(statusIdFromHref(null)).toBeUndefined();
  });
});

describe('the mock timeline (demo page, e2e fixtures) matches what extraction expects', () => {
  test('generated markup extracts like X markup, and post text stays text', () => {
    document.body.innerHTML = articleHtml({
      id: '42',
      author: { name: 'A <b>', handle: 'a', verified: true },
      lang: 'en',
      text: '<img src=x onerror=alert(1)> $ETH 🚀 #Solana @solana https://example.com/x?q=1',
      quote: { id: '41', author: { name: 'Q', handle: 'q' }, lang: 'zh', text: '以太坊' },
    });
    const posts = extractPosts(document.querySelector(X.post)!);
    expect(posts.map((p) => [p.id, p.text])).toEqual([
      ['42', '<img src=x onerror=alert(1)> $ETH 🚀 #Solana @solana https://example.com/x?q=1…'],
      ['42/quote', '以太坊'],
    ]);
    expect(document.querySelectorAll('[data-testid="tweetText"] img')).toHaveLength(1); // the emoji only
  });
});
