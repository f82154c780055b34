/**
 * Strict UTF-8 decoding that can say *where* a file stops being UTF-8.
 * `TextDecoder` with `fatal` rejects bad input but does not report an offset, so on failure
 * we scan for the first ill-formed sequence ourselves (Unicode Standard, table 3-7).
 */
import { createLineIndex } from './line-index.ts';

export type DecodeResult =
  | { ok: true; text: string }
  | { ok: false; byteOffset: number; line: number; column: number };

const BOM = '\uFEFF';

/** Decodes UTF-8, dropping a byte-order mark; on failure, locates the first bad byte (1-based). */
export function decodeUtf8(bytes: Uint8Array): DecodeResult {
  try {
    return { ok: true, text: stripBom(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) };
  } catch {
    const byteOffset = firstInvalidByte(bytes);
    // Everything before the bad byte is well-formed, so it decodes.
    const before = stripBom(new TextDecoder('utf-8').decode(bytes.subarray(0, byteOffset)));
    return { ok: false, byteOffset, ...createLineIndex(before)(before.length) };
  }
}

export function stripBom(text: string): string {
  return text.startsWith(BOM) ? text.slice(1) : text;
}

/** The number of bytes `text` takes in UTF-8 (unpaired surrogates count as U+FFFD, 3 bytes). */
export function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (isHighSurrogate(unit) && isLowSurrogate(text.charCodeAt(i + 1))) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** Offset of the first byte that does not begin a well-formed UTF-8 sequence; `bytes.length` if none. */
export function firstInvalidByte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const length = wellFormedSequenceLength(bytes, i);
    if (length === 0) return i;
    i += length;
  }
  return bytes.length;
}

/** Length of the well-formed sequence starting at `i`, or 0 if it is ill-formed. */
function wellFormedSequenceLength(bytes: Uint8Array, i: number): number {
  const lead = bytes[i]!;
  if (lead < 0x80) return 1;
  // The allowed range of the second byte depends on the lead byte (this excludes overlong
  // forms, surrogates and code points above U+10FFFF); later bytes are always 80..BF.
  let length: number;
  let secondMin = 0x80;
  let secondMax = 0xbf;
  if (lead >= 0xc2 && lead <= 0xdf) length = 2;
  else if (lead >= 0xe0 && lead <= 0xef) {
    length = 3;
    if (lead === 0xe0) secondMin = 0xa0;
    if (lead === 0xed) secondMax = 0x9f;
  } else if (lead >= 0xf0 && lead <= 0xf4) {
    length = 4;
    if (lead === 0xf0) secondMin = 0x90;
    if (lead === 0xf4) secondMax = 0x8f;
  } else return 0;

  const second = bytes[i + 1];
  if (second === undefined || second < secondMin || second > secondMax) return 0;
  for (let k = 2; k < length; k++) {
    const next = bytes[i + k];
    if (next === undefined || next < 0x80 || next > 0xbf) return 0;
  }
  return length;
}

function isHighSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}
