import { defineConfig } from 'wxt';

export default defineConfig({
  manifest: {
    name: 'TickerLens',
    description: 'Ticker chips for the coins each post on X talks about.',
  },
});
