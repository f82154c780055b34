/**
 * A presenter's arrangement of a map, kept beside it as `<map id>.layout.json`, so the next
 * load shows exactly the positions they saved instead of the seeded layout.
 *
 * The file holds only positions, never content: the map file stays the author's.
 */
import type { PathoMap, Point, Problem } from '../model/types.ts';

export interface SavedLayout {
  map: string;
  positions: Record<string, Point>;
}

export const LAYOUT_FILE_SUFFIX = '.layout.json';

const round = (n: number) => Math.round(n * 10) / 10;

export function serializeLayout(mapId: string, positions: ReadonlyMap<string, Point>): string {
  const saved: SavedLayout = { map: mapId, positions: {} };
  for (const [id, p] of positions) saved.positions[id] = { x: round(p.x), y: round(p.y) };
  return `${JSON.stringify(saved, null, 2)}\n`;
}

/**
 * Reads a layout file. Problems are located at 1:1 with the field named: the file is written
 * by the app, so a hand-edit gone wrong is rare and the field path says where.
 */
export function parseLayout(text: string, file: string): { layout?: SavedLayout; problems: Problem[] } {
  const problem = (path: string, message: string, hint?: string): Problem => ({
    file,
    line: 1,
    column: 1,
    path,
    message,
    severity: 'error',
    ...(hint ? { hint } : {}),
  });
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { problems: [problem('', `not valid JSON: ${(error as Error).message}`, 'save the layout again from the app')] };
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    return { problems: [problem('', 'expected an object with "map" and "positions"')] };
  }
  const { map, positions } = data as Record<string, unknown>;
  const problems: Problem[] = [];
  if (typeof map !== 'string') problems.push(problem('map', 'expected the map id as a string'));
  if (!positions || typeof positions !== 'object' || Array.isArray(positions)) {
    problems.push(problem('positions', 'expected an object of node id → {x, y}'));
    return { problems };
  }
  const valid: Record<string, Point> = {};
  for (const [id, value] of Object.entries(positions as Record<string, unknown>)) {
    const p = value as Partial<Point> | null;
    if (!p || typeof p !== 'object' || !Number.isFinite(p.x) || !Number.isFinite(p.y)) {
      problems.push(problem(`positions.${id}`, 'expected {x, y} with finite numbers'));
      continue;
    }
    valid[id] = { x: p.x!, y: p.y! };
  }
  return problems.length > 0 ? { problems } : { layout: { map: map as string, positions: valid }, problems };
}

/**
 * The map with saved positions applied. Ids no longer in the map are reported as warnings
 * (the concept was renamed or removed since the layout was saved); new concepts keep no
 * position and are placed by the layout around the saved ones.
 */
export function applyLayout(map: PathoMap, layout: SavedLayout, file: string): { map: PathoMap; problems: Problem[] } {
  const known = new Set(map.nodes.map((n) => n.id));
  const problems: Problem[] = Object.keys(layout.positions)
    .filter((id) => !known.has(id))
    .map((id) => ({
      file,
      line: 1,
      column: 1,
      path: `positions.${id}`,
      message: `no concept "${id}" in the map any more`,
      hint: 'save the layout again to drop it',
      severity: 'warning' as const,
    }));
  const nodes = map.nodes.map((n) => {
    const saved = layout.positions[n.id];
    return saved ? { ...n, position: saved } : n;
  });
  return { map: { ...map, nodes }, problems };
}
