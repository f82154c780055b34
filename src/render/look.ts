/**
 * How a map looks, in one place, for every renderer: the SVG map reads it through CSS custom
 * properties (`themeStyle`, set on the explorer), the canvas map and the exports read it
 * directly. Sizes are in map units (one unit is one CSS pixel at zoom 1); colours per theme.
 */
import { wrapLabel } from '../core/model/label.ts';
import { EFFECT_LOOK } from './relation-look.ts';

export const THEMES = ['light', 'dark', 'print'] as const;
export type ThemeName = (typeof THEMES)[number];

export interface ThemeColours {
  bg: string;
  surface: string;
  surfaceRaised: string;
  text: string;
  textMuted: string;
  border: string;
  accent: string;
  focus: string;
  edge: string;
  markBg: string;
  markText: string;
  labelHalo: string;
  quoteRule: string;
  findingRule: string;
}

/**
 * How a concept or relation outside the emphasis (not hovered, not in the tour step…) is drawn:
 * see-through on screen; on paper and washed-out projectors (print) opaque and pale instead.
 */
export interface Faded {
  /** Of a concept's marker and ring; its label stays opaque, in `label`'s colour, so that it stays legible. */
  nodeOpacity: number;
  edgeOpacity: number;
  /** Opaque replacements, or null to keep the item's own colours. */
  markerFill: string | null;
  markerStroke: string | null;
  /** Muted, yet at least 4.5:1 against the background and a group's box: the audience can still read it. */
  label: string;
  edge: string | null;
}

export interface Theme {
  colours: ThemeColours;
  faded: Faded;
  /** Line widths grow for print: thin grey lines vanish on a projector. */
  edgeWidth: number;
}

const seeThrough = (label: string): Faded => ({ nodeOpacity: 0.15, edgeOpacity: 0.12, markerFill: null, markerStroke: null, label, edge: null });

export const THEME: Record<ThemeName, Theme> = {
  light: {
    colours: {
      bg: '#ffffff',
      surface: '#f6f7f9',
      surfaceRaised: '#ffffff',
      text: '#1b1e23',
      textMuted: '#4a5260',
      border: '#d5d9e0',
      accent: '#0b5cad',
      focus: '#0b5cad',
      edge: '#6b7380',
      markBg: '#ffe08a',
      markText: '#1b1e23',
      labelHalo: '#ffffff',
      quoteRule: '#0b5cad',
      findingRule: '#8a5a00',
    },
    faded: seeThrough('#6b7280'),
    edgeWidth: 1.5,
  },
  dark: {
    colours: {
      bg: '#14171c',
      surface: '#1d2128',
      surfaceRaised: '#242a33',
      text: '#e9ecf1',
      textMuted: '#b3bbc7',
      border: '#3a424e',
      accent: '#7cb8ff',
      focus: '#9ccaff',
      edge: '#9aa3b0',
      markBg: '#7a5d00',
      markText: '#fff6d6',
      labelHalo: '#14171c',
      quoteRule: '#7cb8ff',
      findingRule: '#e0b35a',
    },
    faded: seeThrough('#8b93a1'),
    edgeWidth: 1.5,
  },
  // High contrast for handouts and washed-out projectors: black on white, no transparency.
  print: {
    colours: {
      bg: '#ffffff',
      surface: '#ffffff',
      surfaceRaised: '#ffffff',
      text: '#000000',
      textMuted: '#000000',
      border: '#000000',
      accent: '#000000',
      focus: '#000000',
      edge: '#000000',
      markBg: '#000000',
      markText: '#ffffff',
      labelHalo: '#ffffff',
      quoteRule: '#000000',
      findingRule: '#000000',
    },
    faded: { nodeOpacity: 1, edgeOpacity: 1, markerFill: '#ffffff', markerStroke: '#999999', label: '#707070', edge: '#bbbbbb' },
    edgeWidth: 2,
  },
};

export function isThemeName(value: unknown): value is ThemeName {
  return typeof value === 'string' && (THEMES as readonly string[]).includes(value);
}

/** Sizes shared by every renderer. */
export const LOOK = {
  font: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Liberation Sans', sans-serif",
  sourceFont: "Georgia, 'Times New Roman', 'Liberation Serif', serif",
  label: {
    size: 14,
    /** Line spacing, in ems. */
    lineHeight: 1.15,
    /** From the marker's rim to the top of the first line. */
    rimGap: 2,
    halo: 4,
    /** Room around a label's box that still takes a click on the concept. */
    hitPadding: 4,
    /**
     * Zoomed out, labels grow to keep this size on screen, up to `maxGrowth` times their own:
     * beyond that (a whole large map on a phone) they would cover one another and the markers.
     */
    minScreen: 12,
    maxGrowth: 1.25,
    /** The "no source" line under an imported concept's label, and its spacing in its own ems. */
    noSourceSize: 11,
    noSourceGap: 1.3,
  },
  relationLabel: { size: 12, halo: 5, /** Lifted above the line, in ems. */ lift: 0.35, minScreen: 11 },
  marker: {
    outline: 1.25,
    selectedOutline: 2.5,
    /** An imported concept without evidence: its fill this opaque, its outline dashed. */
    unsourcedFill: 0.45,
    unsourcedDash: [3, 2] as readonly number[],
  },
  ring: { gap: 6, width: 3, focusDash: [4, 3] as readonly number[] },
  pin: { offset: 0.9, r: 3, halo: 1.5 },
  edge: {
    highlightWidth: 3,
    /** Lines stop short of the markers: by this much at the source, more at the target (the arrowhead). */
    sourceGap: 2,
    targetGap: 4,
    /** Apart-spacing of relations that join the same two concepts. */
    bendSpacing: 18,
    /** An arrowhead, as long and as wide as a line this many times its width. */
    arrowLength: 7,
    arrowHalfWidth: 2.8,
    /** Highlighted lines are twice as wide: their heads only grow by this share. */
    strongArrowScale: 5 / 7,
    /** Screen pixels either side of a line that still take a click. */
    hitWidth: 14,
  },
  fit: {
    /** Screen pixels kept free around a fitted map. */
    padding: 24,
    /** Fitting never magnifies more than this: a map of three concepts should not fill a wall. */
    maxScale: 1.6,
  },
  /** The view counts as still this long after it last moved; then it is drawn in full detail. */
  settleMs: 150,
  /** Animated view changes (fit, centre, tour steps) take this long, none under reduced motion. */
  flyMs: 350,
} as const;

export { markerRadius } from '../core/layout/geometry.ts';

/**
 * A concept label's font size in map units at zoom `k`: its own size, or larger when zoomed
 * out, so that it never shows smaller than `minScreen` pixels. Whole map units, so that a zoom
 * does not set every label again for each small change.
 */
export function labelSize(k: number, growth: number = LOOK.label.maxGrowth): number {
  const { size, minScreen } = LOOK.label;
  return Math.max(size, Math.min(Math.ceil(minScreen / k), Math.floor(size * growth)));
}

/** The largest a concept label is drawn, zoomed out (map units). */
export const LARGEST_LABEL = labelSize(0);

/** A relation label's font size in map units at zoom `k` (see `labelSize`). */
export function relationLabelSize(k: number): number {
  const { size, minScreen } = LOOK.relationLabel;
  return Math.max(size, Math.min(Math.ceil(minScreen / k), Math.floor(size * LOOK.label.maxGrowth)));
}

/** Baselines of a concept's label lines below its centre, its marker of radius `r` (map units). */
export function labelBaselines(r: number, lines: number, size: number = LOOK.label.size): number[] {
  return Array.from({ length: lines }, (_, i) => r + size + LOOK.label.rimGap + i * size * LOOK.label.lineHeight);
}

/** The lines a label is drawn on. */
export const labelLines = wrapLabel;

/** Faded drawing of a theme, looked up by name. */
export function fadedOf(theme: ThemeName): Faded {
  return THEME[theme].faded;
}

const CSS_NAMES: Record<keyof ThemeColours, string> = {
  bg: '--bg',
  surface: '--surface',
  surfaceRaised: '--surface-raised',
  text: '--text',
  textMuted: '--text-muted',
  border: '--border',
  accent: '--accent',
  focus: '--focus',
  edge: '--edge',
  markBg: '--mark-bg',
  markText: '--mark-text',
  labelHalo: '--label-halo',
  quoteRule: '--quote-rule',
  findingRule: '--finding-rule',
};

/**
 * A theme as CSS custom properties (`--bg: #ffffff; …`), for a `style` attribute: the SVG map
 * and the panels take every colour, fade and width from these.
 */
export function themeStyle(name: ThemeName): string {
  const theme = THEME[name];
  const effects = Object.entries(EFFECT_LOOK).map(([effect, look]) => `--effect-${effect}: ${look.colour[name]}`);
  const colours = Object.entries(theme.colours).map(([key, value]) => `${CSS_NAMES[key as keyof ThemeColours]}: ${value}`);
  const { faded } = theme;
  return [
    ...colours,
    `--faded-node-opacity: ${faded.nodeOpacity}`,
    `--faded-edge-opacity: ${faded.edgeOpacity}`,
    // Without a replacement the item keeps its own colours (an unset property falls back).
    ...(faded.markerFill ? [`--faded-marker-fill: ${faded.markerFill}`] : []),
    ...(faded.markerStroke ? [`--faded-marker-stroke: ${faded.markerStroke}`] : []),
    `--faded-label: ${faded.label}`,
    ...(faded.edge ? [`--faded-edge: ${faded.edge}`] : []),
    `--edge-width: ${theme.edgeWidth}`,
    `--font-ui: ${LOOK.font}`,
    `--font-source: ${LOOK.sourceFont}`,
    ...effects,
    `color-scheme: ${name === 'dark' ? 'dark' : 'light'}`,
  ].join('; ');
}
