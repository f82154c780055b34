import { describe, expect, it } from 'vitest';
import {
  EDGE_DETAIL_BUDGET,
  FEW_LABELS,
  LABEL_BUDGET,
  LABEL_MIN_ZOOM,
  levelOfDetail,
  MOVING_EDGE_BUDGET,
  MOVING_EDGE_PIXELS,
  MOVING_LABEL_BUDGET,
  STILL_EDGE_PIXELS,
} from '../../src/render/lod.ts';

const still = { k: 1, moving: false, nodesInView: 100, edgesInView: 150 };

describe('levelOfDetail', () => {
  it('draws everything for a still, legible view', () => {
    expect(levelOfDetail(still)).toEqual({ labels: true, edgeDetail: true, edgeStride: 1, shapes: true, outlines: true });
  });

  it('drops labels far out when many concepts are in view, and when there are too many at any zoom', () => {
    expect(levelOfDetail({ ...still, k: LABEL_MIN_ZOOM * 0.99, nodesInView: FEW_LABELS + 1 }).labels).toBe(false);
    // As few as an SVG map shows: every label, at any zoom (they keep a readable size).
    expect(levelOfDetail({ ...still, k: LABEL_MIN_ZOOM * 0.5, nodesInView: FEW_LABELS }).labels).toBe(true);
    expect(levelOfDetail({ ...still, nodesInView: LABEL_BUDGET }).labels).toBe(true);
    expect(levelOfDetail({ ...still, nodesInView: LABEL_BUDGET + 1 }).labels).toBe(false);
  });

  it('thins labels and relations while the view moves, and restores them when it stops', () => {
    const moving = { ...still, moving: true, nodesInView: MOVING_LABEL_BUDGET + 1, edgesInView: MOVING_EDGE_BUDGET * 3 };
    const lod = levelOfDetail(moving);
    expect(lod.labels).toBe(false);
    expect(lod.edgeDetail).toBe(false);
    expect(lod.edgeStride).toBe(3);
    expect(levelOfDetail({ ...moving, moving: false }).edgeStride).toBe(1);
    expect(levelOfDetail({ ...moving, moving: false }).labels).toBe(true);
  });

  it('thins long relations by their length on screen while moving', () => {
    expect(levelOfDetail({ ...still, moving: true, edgesInView: 100, edgePixels: MOVING_EDGE_PIXELS * 4 }).edgeStride).toBe(4);
    expect(levelOfDetail({ ...still, moving: true, edgesInView: 100, edgePixels: MOVING_EDGE_PIXELS }).edgeStride).toBe(1);
    // At rest only a mat of tens of thousands of lines is thinned.
    expect(levelOfDetail({ ...still, edgesInView: 100, edgePixels: MOVING_EDGE_PIXELS * 4 }).edgeStride).toBe(1);
    expect(levelOfDetail({ ...still, edgesInView: 30_000, edgePixels: STILL_EDGE_PIXELS * 3 }).edgeStride).toBe(3);
  });

  it('draws plain relations for crowded or far-out views, and dots for tiny markers', () => {
    expect(levelOfDetail({ ...still, edgesInView: EDGE_DETAIL_BUDGET + 1 }).edgeDetail).toBe(false);
    expect(levelOfDetail({ ...still, k: 0.2 }).edgeDetail).toBe(false);
    const far = levelOfDetail({ ...still, k: 0.05 });
    expect(far.shapes).toBe(false);
    expect(far.outlines).toBe(false);
  });
});
