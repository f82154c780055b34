/**
 * A small seeded random number generator, so that a layout is the same picture on every
 * load and every machine. Only 32-bit integer arithmetic, which JavaScript engines all
 * compute identically (unlike Math.sin or Math.exp, whose last bits may differ).
 */

/** Anything a map or a user might name a seed with. */
export type Seed = string | number;

/** A function returning numbers in [0, 1), the same sequence for the same seed. */
export type RandomSource = () => number;

const TWO_TO_THE_32 = 4_294_967_296;

/** The seed as an unsigned 32-bit integer: whole numbers in range as they are, anything else hashed. */
export function seedToUint32(seed: Seed): number {
  if (typeof seed === 'number' && Number.isInteger(seed) && seed >= 0 && seed < TWO_TO_THE_32) return seed;
  // FNV-1a over the UTF-16 code units of the text.
  const text = String(seed);
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

export function createRandom(seed: Seed): RandomSource {
  let state = seedToUint32(seed);
  return () => {
    // A Weyl sequence (adding an odd constant visits all 2^32 states before repeating),
    // scrambled by MurmurHash3's 32-bit finaliser so that neighbouring seeds look unrelated.
    state = (state + 0x9e3779b9) | 0;
    let bits = state;
    bits = Math.imul(bits ^ (bits >>> 16), 0x85ebca6b);
    bits = Math.imul(bits ^ (bits >>> 13), 0xc2b2ae35);
    bits ^= bits >>> 16;
    return (bits >>> 0) / TWO_TO_THE_32;
  };
}
