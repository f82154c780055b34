/**
 * What survives a reload in this browser: the last map the reader opened themselves (its text,
 * when it came from their disk) and their view of each map. localStorage may be full, disabled
 * or hold damaged data: every read and write here fails quietly and returns nothing.
 */
import type { Point } from '../core/model/types.ts';
import { parseViewParams, formatViewParams, type ViewParams } from './url-state.ts';

const PREFIX = 'pathomap:';
/** Larger map texts are not kept: localStorage holds about 5 MB per site. */
const MAX_KEPT_TEXT = 2 * 1024 * 1024;

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

export type LastMap = { kind: 'file'; name: string; text: string } | { kind: 'url'; url: string };

function read(key: string): string | null {
  try {
    return localStorage.getItem(PREFIX + key);
  } catch {
    return null;
  }
}

function write(key: string, value: string | null): void {
  try {
    if (value === null) localStorage.removeItem(PREFIX + key);
    else localStorage.setItem(PREFIX + key, value);
  } catch {
    // Full or disabled storage: the map still works, it is just not remembered.
  }
}

export function rememberLastMap(last: LastMap | null): void {
  if (last?.kind === 'file' && last.text.length > MAX_KEPT_TEXT) last = null;
  write(KEYS.lastMap, last ? JSON.stringify(last) : null);
}

export function lastMap(): LastMap | null {
  try {
    const value = JSON.parse(read(KEYS.lastMap) ?? 'null') as LastMap | null;
    if (value?.kind === 'file' && typeof value.name === 'string' && typeof value.text === 'string') return value;
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
