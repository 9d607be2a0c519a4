import { describe, expect, it } from 'vitest';
import { findAddresses, looksLikeBase58Address } from '../../utils/lexicon/addresses';
import { findCandidates, LexiconDetector } from '../../utils/lexicon';

describe('findAddresses', () => {
  it('finds EVM addresses with offsets', () => {
    const text = 'CA: 0x6982508145454Ce325dDbE47a25d4ec3d2311933 now';
    expect(findAddresses(text)).toEqual([{ chain: 'evm', address: '0x6982508145454Ce325dDbE47a25d4ec3d2311933', start: 4, end: 46 }]);
  });

  it('rejects EVM-like hex of the wrong length', () => {
    expect(findAddresses('tx 0x6982508145454Ce325dDbE47a25d4ec3d231193 short')).toEqual([]);
    expect(findAddresses('hash 0x6982508145454Ce325dDbE47a25d4ec3d2311933aa long')).toEqual([]);
  });

  it('finds Solana mints, including pump.fun …pump mints', () => {
    const a = findAddresses('ca 9BB6NFEcjBCtnNLFko2FqVQBq8HHM13kCyYcdQbgpump');
    expect(a).toEqual([{ chain: 'solana', address: '9BB6NFEcjBCtnNLFko2FqVQBq8HHM13kCyYcdQbgpump', start: 3, end: 47 }]);
    expect(findAddresses('EKpQGSJtjMFqKZ9KQanSqYXRcF8fBopzLHYxdM65zcjm')[0]?.chain).toBe('solana');
  });

  it('finds Tron addresses (T + 33 base58)', () => {
    expect(findAddresses('send to TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t please')).toEqual([
      { chain: 'tron', address: 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t', start: 8, end: 42 },
    ]);
  });

  it('finds Sui coin types 0x…::module::NAME', () => {
    const t = 'buy 0x2::sui::SUI and 0xdeeb7a4662eec9f2f3def03fb937a663dddaa2e215b8078a284d026b7946c270::deep::DEEP';
    const hits = findAddresses(t);
    expect(hits.map((h) => h.chain)).toEqual(['sui', 'sui']);
    expect(hits[0]!.address).toBe('0x2::sui::SUI');
  });

  it('guards against base58 look-alikes', () => {
    expect(looksLikeBase58Address('AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA')).toBe(false); // repeated
    expect(looksLikeBase58Address('thisisaverylongwordwithoutanycapitals')).toBe(false); // one case
    expect(looksLikeBase58Address('SUPERLONGHASHTAGINCAPITALLETTERSONLY')).toBe(false); // one case
    expect(looksLikeBase58Address('ThisIsAVeryLongCamelCaseHashtagName')).toBe(false); // words
    expect(findAddresses('#ThisIsAVeryLongCamelCaseHashtagName')).toEqual([]);
    expect(looksLikeBase58Address('9BB6NFEcjBCtnNLFko2FqVQBq8HHM13kCyYcdQbgpump')).toBe(true);
  });

  it('does not take part of a longer alphanumeric run', () => {
    expect(findAddresses('x'.repeat(10) + '9BB6NFEcjBCtnNLFko2FqVQBq8HHM13kCyYcdQbg0OIl')).toEqual([]);
  });

  it('never adds coins by itself', async () => {
    const [d] = await new LexiconDetector().detect([{ id: '1', text: '0x6982508145454Ce325dDbE47a25d4ec3d2311933' }]);
    expect(d!.coins).toEqual([]);
    expect(d!.addresses).toHaveLength(1);
    expect(findCandidates('9BB6NFEcjBCtnNLFko2FqVQBq8HHM13kCyYcdQbgpump')).toEqual([]);
  });
});
