/**
 * The map's force layout: organic and draggable, but with a direction, so that it reads as
 * a causal story from left to right (see DESIGN.md, "A map that reads like the
 * pathophysiology").
 *
 * Runs d3-force on plain objects and never starts d3's timer: the caller ticks (by hand in
 * tests, in requestAnimationFrame or a worker in the app) and reads `positions()`
 * snapshots. The same input and seed give the same picture on every machine.
 */
import {
  forceCollide,
  forceLink,
  forceManyBody,
  forceSimulation,
  forceX,
  forceY,
  type SimulationLinkDatum,
  type SimulationNodeDatum,
} from 'd3-force';
import { estimateLabelWidth } from '../model/label.ts';
import { DEFAULT_HEIGHT, finitePoint, layoutBands, seededScatter } from './start.ts';
import { createRandom, type Seed } from '../model/random.ts';
import type { EvidenceLevel, Point } from '../model/types.ts';

export interface LayoutNode {
  id: string;
  /** Rank of the node's category band, 0 = leftmost. */
  band: number;
  label: string;
  /** Hold the node here (a saved position, or a node the user dropped). */
  pinned?: Point;
  /** Start here instead of at a seeded spot in the band, e.g. where the node was in a previous layout. */
  initial?: Point;
}

export interface LayoutLink {
  source: string;
  target: string;
  level?: EvidenceLevel;
}

export interface LayoutInput {
  nodes: readonly LayoutNode[];
  links: readonly LayoutLink[];
}

export interface LayoutOptions {
  seed: Seed;
  /** The drawing area; bands are spread evenly across the width. Default 1600 × 900. */
  width?: number;
  height?: number;
  /**
   * How many bands the width is divided into; default the highest band + 1. Pass the map's
   * band count so hiding a category does not shift the other bands.
   */
  bandCount?: number;
  /** Rendered width of a label in px (wrapped onto two lines if the UI wraps it). Default: an estimate. */
  labelWidth?: (label: string) => number;
  /** Radius of the node's marker in px. Default 10. */
  nodeRadius?: number;
  /**
   * Barnes–Hut accuracy of the repulsion (d3's `theta`, default 0.9). Large maps use a coarser
   * value: twice as fast per step, and no one can tell at 5,000 concepts.
   */
  theta?: number;
  /**
   * Share of a band's width and of the height where nodes start (default 0.5): a large map
   * starts spread wider, so it does not spend its first steps pushing apart a crowd.
   */
  spread?: number;
  /** Collision passes per step; default 2. */
  collisionIterations?: number;
  /** Steps the cooling takes from full energy to settled: one of `COOLING_STEPS`. Default 300. */
  coolingSteps?: CoolingSteps;
}

/**
 * Cooling schedules: alpha falls from 1 below ALPHA_MIN in this many steps. The decays,
 * 1 - 0.001^(1/steps), are written out because engines may round a fractional power
 * differently, and the picture must be the same in every browser.
 */
export const COOLING_STEPS = { 300: 0.02276277904418933, 200: 0.033949121010186656, 150: 0.045007413978564004 } as const;
export type CoolingSteps = keyof typeof COOLING_STEPS;

export interface ForceLayout {
  /** Advance the simulation by up to `count` steps; does nothing once settled. */
  tick(count?: number): void;
  /** Tick until settled or `maxTicks` have run; returns the number of ticks run. */
  runToSettled(maxTicks?: number): number;
  /** A fresh snapshot of every node's centre, in input order. */
  positions(): Map<string, Point>;
  /** The ids of the laid-out nodes, in the order `coordinates` writes them (input order, duplicates dropped). */
  readonly ids: readonly string[];
  /** Every node's centre as x0, y0, x1, y1, … in `ids` order: a copy, cheap to send to another thread. */
  coordinates(into?: Float64Array): Float64Array;
  /** True once the motion has died down; stays true until reheated. */
  readonly settled: boolean;
  /** Fix a node at (x, y) at once, e.g. while it is dragged; false for an unknown id or position. */
  pin(id: string, x: number, y: number): boolean;
  /** Let a pinned node move again (from where it is). */
  unpin(id: string): void;
  /** Wake the layout so it adjusts, e.g. after a pin; `alpha` is the energy, 0..1. */
  reheat(alpha?: number): void;
  /** While true the layout does not cool down, so neighbours keep following a dragged node. */
  keepWarm(warm: boolean): void;
  /** Freeze every node where it is now; `reheat` wakes the layout again. */
  stop(): void;
  /** The x each band pulls its nodes toward, left to right. */
  readonly bandCentres: readonly number[];
  /** Links left out because they do not join two different known nodes. */
  readonly ignoredLinks: readonly LayoutLink[];
}

const DEFAULT_NODE_RADIUS = 10;

// d3's own cooling schedule by default: alpha falls from 1 below ALPHA_MIN in 300 ticks.
const ALPHA_MIN = 0.001;
/** Fraction of velocity lost per tick: high enough that nodes coast to a stop, not past it. */
const VELOCITY_DECAY = 0.45;
/** While kept warm (dragging), alpha tends to this instead of 0. */
const WARM_ALPHA = 0.3;
const DEFAULT_REHEAT_ALPHA = 0.3;

/** Weak pulls: the bands give the story its direction, the links and charges its shape. */
const BAND_STRENGTH = 0.2;
const CENTRE_STRENGTH = 0.03;
const CHARGE_STRENGTH = -120;
/** Nodes further apart than this do not repel, so distant bands do not push each other off the page. */
const CHARGE_RANGE = 420;
const COLLISION_STRENGTH = 0.8;
const COLLISION_PADDING = 6;
/** Labels are wide and short: a circle around the whole label would space rows far too widely. */
const MAX_COLLISION_RADIUS = 48;
const SAME_BAND_LINK_DISTANCE = 70;
/** Share of d3's default spring strength kept by links between bands (see the springs below). */
const CROSS_BAND_LINK_WEIGHT = 0.3;
/** Space kept between the collision circles of two linked nodes, so springs and collisions do not fight. */
const LINK_CLEARANCE = 12;

/**
 * Relations with weaker evidence are drawn a little looser, so that well-established
 * mechanisms sit visibly closer together.
 */
const LINK_SLACK: Record<EvidenceLevel, number> = {
  'systematic-review': 1,
  rct: 1,
  cohort: 1,
  'case-control': 1,
  'case-series': 1.05,
  review: 1.1,
  'animal-model': 1.1,
  'case-report': 1.15,
  'expert-opinion': 1.2,
};



interface Body extends SimulationNodeDatum {
  id: string;
  band: number;
  radius: number;
}

interface Spring extends SimulationLinkDatum<Body> {
  source: Body;
  target: Body;
  distance: number;
  strength: number;
}

export function createLayout(input: LayoutInput, options: LayoutOptions): ForceLayout {
  const height = options.height ?? DEFAULT_HEIGHT;
  const nodeRadius = options.nodeRadius ?? DEFAULT_NODE_RADIUS;
  const labelWidth = options.labelWidth ?? estimateLabelWidth;

  const bands = layoutBands(input, options);
  const bandCentres = bands.centres;

  const collisionRadius = (label: string): number => {
    const measured = labelWidth(label);
    const halfLabel = Number.isFinite(measured) ? Math.max(0, measured) / 2 : 0;
    return Math.min(MAX_COLLISION_RADIUS, Math.max(nodeRadius, halfLabel)) + COLLISION_PADDING;
  };

  const scatter = seededScatter(options, bands);

  const bodies: Body[] = [];
  const bodyById = new Map<string, Body>();
  for (const node of input.nodes) {
    if (bodyById.has(node.id)) continue;
    const band = bands.of(node);
    const pinned = finitePoint(node.pinned);
    const start = pinned ?? finitePoint(node.initial) ?? scatter(node.id, band);
    const body: Body = { id: node.id, band, radius: collisionRadius(node.label), x: start.x, y: start.y };
    if (pinned) {
      body.fx = pinned.x;
      body.fy = pinned.y;
    }
    bodies.push(body);
    bodyById.set(node.id, body);
  }

  const usableLinks: [Body, Body, LayoutLink][] = [];
  const ignoredLinks: LayoutLink[] = [];
  const linkCount = new Map<Body, number>();
  for (const link of input.links) {
    const source = bodyById.get(link.source);
    const target = bodyById.get(link.target);
    if (!source || !target || source === target) {
      ignoredLinks.push(link);
      continue;
    }
    usableLinks.push([source, target, link]);
    linkCount.set(source, (linkCount.get(source) ?? 0) + 1);
    linkCount.set(target, (linkCount.get(target) ?? 0) + 1);
  }

  const springs: Spring[] = [];
  for (const [source, target, link] of usableLinks) {
    // Across bands the spring's rest length is at least the bands' distance, so springs
    // and band forces agree instead of dragging the bands together.
    const bandGap = Math.abs(bandCentres[source.band]! - bandCentres[target.band]!);
    const clearance = source.radius + target.radius + LINK_CLEARANCE;
    const distance = Math.max(clearance, source.band === target.band ? SAME_BAND_LINK_DISTANCE : bandGap);
    // d3's default strength (1 / the busier end's link count) keeps hubs from dominating;
    // across bands it is weakened further, so that a spring mostly lines its ends up
    // vertically and leaves their x to the bands, instead of fanning a band around a hub.
    const weight = source.band === target.band ? 1 : CROSS_BAND_LINK_WEIGHT;
    springs.push({
      source,
      target,
      distance: distance * (link.level ? LINK_SLACK[link.level] : 1),
      strength: weight / Math.min(linkCount.get(source)!, linkCount.get(target)!),
    });
  }

  // Nothing free to move: nothing to wait for.
  const allFixed = bodies.every((body) => body.fx != null);

  // Built on first use, so the starting spots are ready to show before the forces are set up
  // (a large map's first picture). d3 starts an internal timer on creation; stopping it at
  // once leaves the ticking to us.
  let built: ReturnType<typeof build> | undefined;
  const simulation = () => (built ??= build());
  const build = () => {
    const sim = forceSimulation(bodies)
      .stop()
      .randomSource(createRandom(options.seed))
      .alphaMin(ALPHA_MIN)
      .alphaDecay(COOLING_STEPS[options.coolingSteps ?? 300] ?? COOLING_STEPS[300])
      .velocityDecay(VELOCITY_DECAY)
      .force('band', forceX<Body>((body) => bandCentres[body.band]!).strength(BAND_STRENGTH))
      .force('centre', forceY<Body>(height / 2).strength(CENTRE_STRENGTH))
      .force(
        'charge',
        forceManyBody<Body>()
          .strength(CHARGE_STRENGTH)
          .distanceMax(CHARGE_RANGE)
          .theta(options.theta ?? 0.9),
      )
      .force(
        'collide',
        forceCollide<Body>((body) => body.radius)
          .strength(COLLISION_STRENGTH)
          .iterations(options.collisionIterations ?? 2),
      )
      .force(
        'link',
        forceLink<Body, Spring>(springs)
          .distance((spring) => spring.distance)
          .strength((spring) => spring.strength),
      );
    if (allFixed) sim.alpha(0);
    return sim;
  };

  // Kept warm, alpha is heading up again: not settled even if it is still low.
  const isSettled = (): boolean => simulation().alpha() < ALPHA_MIN && simulation().alphaTarget() < ALPHA_MIN;

  function tick(count = 1): void {
    for (let i = 0; i < count && !isSettled(); i++) simulation().tick();
  }

  function runToSettled(maxTicks = 1000): number {
    let ticks = 0;
    for (; ticks < maxTicks && !isSettled(); ticks++) simulation().tick();
    return ticks;
  }

  function pin(id: string, x: number, y: number): boolean {
    const body = bodyById.get(id);
    if (!body || !Number.isFinite(x) || !Number.isFinite(y)) return false;
    body.fx = body.x = x;
    body.fy = body.y = y;
    body.vx = body.vy = 0;
    return true;
  }

  function unpin(id: string): void {
    const body = bodyById.get(id);
    if (body) body.fx = body.fy = null;
  }

  function stop(): void {
    simulation().alphaTarget(0).alpha(0);
    for (const body of bodies) body.vx = body.vy = 0;
  }

  return {
    tick,
    runToSettled,
    positions: () => new Map(bodies.map((body) => [body.id, { x: body.x!, y: body.y! }])),
    ids: bodies.map((body) => body.id),
    coordinates(into) {
      const out = into && into.length === bodies.length * 2 ? into : new Float64Array(bodies.length * 2);
      for (let i = 0; i < bodies.length; i++) {
        out[2 * i] = bodies[i]!.x!;
        out[2 * i + 1] = bodies[i]!.y!;
      }
      return out;
    },
    get settled() {
      return isSettled();
    },
    pin,
    unpin,
    reheat: (alpha = DEFAULT_REHEAT_ALPHA) => void simulation().alpha(Math.max(simulation().alpha(), alpha)),
    keepWarm: (warm) => void simulation().alphaTarget(warm ? WARM_ALPHA : 0),
    stop,
    bandCentres,
    ignoredLinks,
  };
}
