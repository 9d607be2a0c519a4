/**
 * Every selector TickerLens uses on X's DOM, in one place: when X changes its
 * markup, this is the file to update. See ../shared/notes/ml-in-extension.md.
 */
export const X = {
  /** A timeline row; X positions rows with translateY and recycles them while scrolling. */
  cell: '[data-testid="cellInnerDiv"]',
  /** One post (with any quoted post nested inside it). */
  post: 'article[data-testid="tweet"]',
  /** A post's text; carries `lang`. */
  text: '[data-testid="tweetText"]',
  /** Author block; verified / affiliate badges inside it are also div[role=link]. */
  userName: '[data-testid="User-Name"]',
  /** "Show more" on a truncated post; a sibling of the text. */
  showMore: '[data-testid="tweet-text-show-more-link"]',
  /** Candidate quoted-post container: only one that holds its own tweetText is a quote. */
  quote: 'div[role="link"][tabindex="0"]',
  time: 'time',
  /** The permalink; the one wrapping `time` gives the status id. */
  statusLink: 'a[href*="/status/"]',
} as const;

/** The status id in a permalink such as /jack/status/20 or https://x.com/i/web/status/20. */
export const STATUS_ID = /\/status\/(\d{1,25})(?:[/?#]|$)/;

/** Our own host element's tag; everything inside is ours, nothing outside is. */
export const HOST_TAG = 'tickerlens-chips';
