/** Posts on the demo timeline: written for the demo, in the styles people post on X. */
import type { MockPost } from '@/utils/x/mock-timeline';

const a = (name: string, handle: string, verified = false) => ({ name, handle, verified });

export const DEMO_POSTS: MockPost[] = [
  { id: '1900000000000000001', author: a('Crypto Desk', 'cryptodesk', true), lang: 'en', text: '$BTC holding the range while $ETH lags. Watching 100k 👀' },
  { id: '1900000000000000002', author: a('链上小王', 'xiaowang_onchain'), lang: 'zh', text: '大饼稳住了，姨太什么时候跟上？狗狗币已经先动了' },
  {
    id: '1900000000000000003',
    author: a('Macro Mike', 'macromike', true),
    lang: 'en',
    text: 'Rotation season? Quoting this because #Solana keeps surprising me.',
    quote: { id: '1899999999999999001', author: a('Chart Guy', 'chartguy'), lang: 'en', text: 'Ethereum weekly close above the range, finally.' },
  },
  { id: '1900000000000000004', author: a('Stock Talk', 'stocktalk'), lang: 'en', text: 'Earnings week: $TSLA and $NVDA report Wednesday. No coins here, so no chips.' },
  { id: '1900000000000000005', author: a('Memecoin Hunter', 'memehunter'), lang: 'en', text: 'Fresh launch on Solana, CA: 7GCihgDB8fe6KNjn2MYtkzZcRjQy3t9GHdC8uHYmW2hr' },
  { id: '1900000000000000006', author: a('Weekend Baker', 'bakes_bread'), lang: 'en', text: 'Sourdough day 🍞 Nothing beats the smell of fresh bread.' },
];
