import { describe, expect, it } from 'vitest';
import { MapViewState } from '../../../src/ui/state/map-view.svelte.ts';
import { mapWithDisputes } from '../../fixtures/small-map.ts';

describe('Focus on a concept in a group', () => {
  // "Vascular features" (no relations of its own) groups Digital ulcers and Tissue hypoxia.
  it.each<[string, string, string[]]>([
    ['a member: with its group, whose relations speak for it', 'ulcers', ['calcinosis', 'features', 'ulcers']],
    ['a group: with its members and what they relate to', 'features', ['calcinosis', 'features', 'hypoxia', 'ssc', 'ulcers']],
    ['a concept outside any group: its own neighbours', 'calcinosis', ['bisphosphonates', 'calcinosis', 'hypoxia', 'ssc', 'ulcers']],
  ])('%s', (_, id, expected) => {
    const state = new MapViewState(mapWithDisputes());
    state.selectNode(id);
    state.focusDepth = 1;
    expect([...state.visibleNodes].sort()).toEqual(expected);
  });
});
