import { annotatePage } from '../components/annotate-page';

export default defineContentScript({
  matches: ['https://x.com/*', 'https://twitter.com/*', 'https://mobile.x.com/*', 'https://mobile.twitter.com/*'],
  runAt: 'document_idle',
  async main(ctx) {
    const page = await annotatePage(document);
    ctx.onInvalidated(() => page.stop());
  },
});
