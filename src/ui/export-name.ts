/**
 * What an exported file is called: the map and the view, e.g. `calcinosis-ssc` (the whole
 * map), `calcinosis-ssc-digital-ulcers` (a concept selected), `calcinosis-ssc-story-step-3` (a
 * tour step, counted from 1 as in the address and the caption), `calcinosis-ssc-story` (a whole
 * tour as a deck). Only letters, digits, dots, dashes and underscores.
 */
import type { ViewParams } from './url-state.ts';

const safe = (text: string) =>
  text
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-|-$/g, '');

export function exportName(mapId: string, view: ViewParams, extra: { deck?: string; format?: string } = {}): string {
  const parts = [mapId];
  if (extra.deck) parts.push(extra.deck);
  else if (view.tour) parts.push(view.tour, 'step', String(view.step ?? 1));
  else if (view.from && view.to) parts.push('path', view.from, view.to);
  else if (view.node) parts.push(view.node, ...(view.depth ? [`focus-${view.depth}`] : []));
  else if (view.edge) parts.push(view.edge, ...(view.depth ? [`focus-${view.depth}`] : []));
  if (extra.format && extra.format !== '16:9') parts.push(extra.format.replace(':', 'x'));
  return safe(parts.join('-')) || 'pathomap';
}
