// The package ships no types; build.ts only uses this.
declare module 'popular-english-words' {
  export const words: { getMostPopular(count: number): string[] };
}
