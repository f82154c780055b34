/**
 * The view as URL parameters, so a copied link reopens the same view and back/forward work.
 * Pure functions: parsing never throws, unknown or malformed values are dropped.
 */
import { isThemeName, type ThemeName } from '../render/look.ts';

export interface ViewParams {
  map?: string;
  /** Selected concept. */
  node?: string;
  /** Selected relation (exclusive with `node`). */
  edge?: string;
  /** Focus mode: show only the selection's neighbourhood within this many steps (1–3). */
  depth?: number;
  /** Hidden category ids. */
  hide?: string[];
  /** Path finder ends. */
  from?: string;
  to?: string;
  view?: 'map' | 'text';
  /** Guided tour, and its step counted from 1: `step=3` is the caption's "Step 3 of N". */
  tour?: string;
  step?: number;
}

export type Theme = ThemeName;

/** How the page presents the map: options for slides, not part of the reader's exploration. */
export interface DisplayOptions {
  /** Chromeless, for an iframe in a slide deck. */
  embed: boolean;
  /** False for a still picture: no zoom, drag, hover or selection. */
  interactive: boolean;
  theme?: Theme;
}

const ID = /^[A-Za-z0-9][A-Za-z0-9_.:>#-]{0,199}$/;
const id = (value: string | null) => (value && ID.test(value) ? value : undefined);

export function parseViewParams(search: string): ViewParams {
  const q = new URLSearchParams(search);
  const params: ViewParams = {};
  const set = <K extends keyof ViewParams>(key: K, value: ViewParams[K] | undefined) => {
    if (value !== undefined) params[key] = value;
  };
  set('map', id(q.get('map')));
  const node = id(q.get('node'));
  set('node', node);
  if (!node) set('edge', id(q.get('edge')));
  const depth = Number(q.get('depth'));
  if (Number.isInteger(depth) && depth >= 1 && depth <= 3) params.depth = depth;
  const hide = (q.get('hide') ?? '')
    .split(',')
    .map((s) => id(s.trim()))
    .filter((s): s is string => s !== undefined);
  if (hide.length > 0) params.hide = [...new Set(hide)].sort();
  set('from', id(q.get('from')));
  set('to', id(q.get('to')));
  if (q.get('view') === 'text') params.view = 'text';
  const tour = id(q.get('tour'));
  if (tour) {
    params.tour = tour;
    // Counted from 1, as the caption counts; a link from before (step=0) opens the first step.
    const step = Number(q.get('step') ?? '1');
    params.step = Number.isInteger(step) && step >= 1 && step <= 1000 ? step : 1;
  }
  return params;
}

export function parseDisplayOptions(search: string): DisplayOptions {
  const q = new URLSearchParams(search);
  const theme = q.get('theme');
  const interactive = q.get('interactive');
  return {
    embed: q.has('embed') && q.get('embed') !== '0' && q.get('embed') !== 'false',
    interactive: interactive !== '0' && interactive !== 'false',
    ...(isThemeName(theme) ? { theme } : {}),
  };
}

/**
 * Writes `params` into `base` (other parameters, e.g. embed options, are kept) and returns the
 * query string, "" when empty. Keys come out in a fixed order so equal views give equal URLs.
 */
export function formatViewParams(params: ViewParams, base: URLSearchParams = new URLSearchParams()): string {
  const q = new URLSearchParams(base);
  const entries: [keyof ViewParams, string | undefined][] = [
    ['map', params.map],
    ['node', params.node],
    ['edge', params.node ? undefined : params.edge],
    ['depth', params.depth ? String(params.depth) : undefined],
    ['hide', params.hide?.length ? [...params.hide].sort().join(',') : undefined],
    ['from', params.from],
    ['to', params.to],
    ['view', params.view === 'text' ? 'text' : undefined],
    ['tour', params.tour],
    ['step', params.tour ? String(params.step ?? 1) : undefined],
  ];
  for (const [key, value] of entries) {
    q.delete(key);
    if (value !== undefined) q.set(key, value);
  }
  const text = q.toString();
  return text ? `?${text}` : '';
}
