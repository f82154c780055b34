/**
 * Pathomap ids for things other tools name freely ("Mme. Magloire", 42, "a->b").
 * An id that is already valid is kept as it is; any other becomes a readable, valid one.
 */
import type { Schema } from '@cfworker/json-schema';
import { mapSchema } from '../load/schema.ts';

// The rule comes from the schema itself, so the two cannot drift apart.
const idRule = (mapSchema.$defs as Record<string, Schema>)['id']!;
const ID_PATTERN = new RegExp(idRule.pattern!, 'u');
const ID_MAX_LENGTH = idRule.maxLength!;

export function isValidId(text: string): boolean {
  return text.length <= ID_MAX_LENGTH && ID_PATTERN.test(text);
}

/** Hands out distinct valid ids within one namespace (the concepts, or the categories). */
export class IdAllocator {
  private readonly taken = new Set<string>();

  constructor(private readonly fallback: string) {}

  /**
   * An id for each distinct name, in the names' order. Names that are valid ids already are
   * claimed first, so that none of them is taken by the new spelling of another.
   */
  claimEach(names: Iterable<string>): Map<string, string> {
    const distinct = [...new Set(names)];
    const claimed = new Map<string, string>();
    for (const name of distinct) if (isValidId(name)) claimed.set(name, this.claim(name));
    for (const name of distinct) if (!claimed.has(name)) claimed.set(name, this.claim(name));
    return new Map(distinct.map((name) => [name, claimed.get(name)!]));
  }

  /**
   * `preferred` itself if it is valid and free; otherwise its valid spelling ("Mme. Magloire"
   * → "Mme.-Magloire"), with "-2", "-3"… added until it is free.
   */
  claim(preferred: string): string {
    if (isValidId(preferred) && !this.taken.has(preferred)) return this.take(preferred);
    const base = validSpelling(preferred) || this.fallback;
    let id = base;
    for (let n = 2; this.taken.has(id); n++) id = `${base}-${n}`;
    return this.take(id);
  }

  private take(id: string): string {
    this.taken.add(id);
    return id;
  }
}

function validSpelling(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '') // accents go, their letters stay: "Ä" → "A"
    .replace(/[^A-Za-z0-9_.:-]+/g, '-')
    .replace(/^[^A-Za-z0-9]+/, '')
    .slice(0, ID_MAX_LENGTH - 10) // room for a "-n" suffix
    .replace(/-+$/, '');
}
