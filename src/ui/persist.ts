/**
 * What survives a reload in this browser: which map the reader opened last (its address, or a
 * marker that a map from their disk is kept whole in IndexedDB — see `kept-map.ts`) and their
 * view of each map. localStorage may be full, disabled or hold damaged data: every read and
 * write here fails quietly and returns nothing.
 */
import type { Point } from '../core/model/types.ts';
import { parseViewParams, formatViewParams, type ViewParams } from './url-state.ts';

const PREFIX = 'pathomap:';

/** The keys (without PREFIX) of what is kept; the page's first script reads them too. */
const KEYS = {
  lastMap: 'last-map',
  view: (mapKey: string) => `view:${mapKey}`,
  pins: (mapKey: string) => `pins:${mapKey}`,
};

/**
 * Every key whose value changes what a visit to `mapKey` opens with (another map, a view, pins):
 * a picture of the map rendered ahead is shown only when none holds anything (the default view
 * is remembered as an empty string).
 */
export function keysShaping(mapKey: string): string[] {
  return [KEYS.lastMap, KEYS.view(mapKey), KEYS.pins(mapKey)].map((key) => PREFIX + key);
}

/**
 * A map from the reader's disk is kept in IndexedDB (`kept`); versions before that kept its text
 * here (`text`), and such an entry is still read, once, to move it there.
 */
export type LastMap = { kind: 'file'; name: string; kept?: true; text?: string } | { kind: 'url'; url: string };

function read(key: string): string | null {
  try {
    return localStorage.getItem(PREFIX + key);
  } catch {
    return null;
  }
}

/** Whether it was written: full or disabled storage says no, and the map is just not remembered. */
function write(key: string, value: string | null): boolean {
  try {
    if (value === null) localStorage.removeItem(PREFIX + key);
    else localStorage.setItem(PREFIX + key, value);
    return true;
  } catch {
    return false;
  }
}

/** Remembers which map opens next time (null: the flagship); says whether that could be written. */
export function rememberLastMap(last: LastMap | null): boolean {
  return write(KEYS.lastMap, last ? JSON.stringify(last) : null);
}

export function lastMap(): LastMap | null {
  try {
    const value = JSON.parse(read(KEYS.lastMap) ?? 'null') as LastMap | null;
    if (value?.kind === 'file' && typeof value.name === 'string') {
      if (typeof value.text === 'string') return { kind: 'file', name: value.name, text: value.text };
      if (value.kept === true) return { kind: 'file', name: value.name, kept: true };
    }
    if (value?.kind === 'url' && typeof value.url === 'string') return value;
  } catch {
    // Damaged: treated as nothing remembered.
  }
  return null;
}

export function rememberView(mapKey: string, params: ViewParams): void {
  write(KEYS.view(mapKey), formatViewParams(params));
}

export function rememberedView(mapKey: string): ViewParams | undefined {
  const search = read(KEYS.view(mapKey));
  return search === null ? undefined : parseViewParams(search);
}

/** Where the reader pinned concepts of a map; {} for none. */
export function rememberedPins(mapKey: string): Record<string, Point> {
  try {
    const value = JSON.parse(read(KEYS.pins(mapKey)) ?? '{}') as Record<string, Partial<Point>>;
    const pins: Record<string, Point> = {};
    for (const [id, p] of Object.entries(value ?? {})) {
      if (Number.isFinite(p?.x) && Number.isFinite(p?.y)) pins[id] = { x: p.x!, y: p.y! };
    }
    return pins;
  } catch {
    return {};
  }
}

export function rememberPins(mapKey: string, pins: Readonly<Record<string, Point>>): void {
  write(KEYS.pins(mapKey), Object.keys(pins).length > 0 ? JSON.stringify(pins) : null);
}

/** The most a map kept in this browser may weigh with its source texts: far more than a map needs, far less than browsers allow a site. */
export const MAX_KEPT_BYTES = 25 * 1024 * 1024;
