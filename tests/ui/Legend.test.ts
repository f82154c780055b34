import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { tick } from 'svelte';
import { describe, expect, it } from 'vitest';
import { EVIDENCE_STROKES, evidenceStroke } from '../../src/core/model/evidence-style.ts';
import { RELATION_EFFECT_LABELS } from '../../src/core/model/types.ts';
import { EFFECT_LOOK } from '../../src/render/relation-look.ts';
import Legend from '../../src/ui/Legend.svelte';
import { MapViewState } from '../../src/ui/state/map-view.svelte.ts';
import { searchMap } from '../fixtures/search-map.ts';

function setup() {
  const state = new MapViewState(searchMap);
  const user = userEvent.setup();
  render(Legend, { view: state });
  const categories = screen.getByRole('group', { name: 'Categories' });
  const box = (name: string) => within(categories).getByRole('checkbox', { name });
  const showAll = () => screen.queryByRole('button', { name: 'Show all' });
  return { state, user, categories, box, showAll };
}

describe('Legend', () => {
  it('lists the categories in band order, each named by its label', () => {
    const { categories, box } = setup();
    expect(within(categories).getAllByRole('checkbox')).toEqual([box('Pathomechanism'), box('Disease'), box('Therapy')]);
  });

  it.each<[string, string, string]>([
    ['Pathomechanism', '3 concepts', '#0072b2'],
    ['Disease', '1 concept', '#d55e00'],
    ['Therapy', '1 concept', '#009e73'],
  ])('%s: all checked, with its count and a glyph in its colour', (label, count, colour) => {
    const { box } = setup();
    expect(box(label)).toBeChecked();
    expect(box(label)).toHaveAccessibleDescription(count);
    const glyph = box(label).closest('li')!.querySelector('svg path');
    expect(glyph).toHaveAttribute('fill', colour);
    expect(glyph?.getAttribute('d')).toMatch(/^M/);
  });

  it.each<[string, string]>([
    ['Pathomechanism', 'mechanism'],
    ['Therapy', 'therapy'],
  ])('unchecking %s hides its category, checking shows it again', async (label, id) => {
    const { state, user, box } = setup();
    await user.click(box(label));
    expect([...state.hiddenCategories]).toEqual([id]);
    expect(box(label)).not.toBeChecked();
    await user.click(box(label));
    expect(state.hiddenCategories.size).toBe(0);
    expect(box(label)).toBeChecked();
  });

  it('follows categories hidden elsewhere (e.g. from the URL)', async () => {
    const { state, box } = setup();
    state.setCategoryVisible('disease', false);
    await tick();
    expect(box('Disease')).not.toBeChecked();
  });

  it('offers "Show all" only while something is hidden, and it restores everything', async () => {
    const { state, user, box, showAll } = setup();
    expect(showAll()).toBeNull();
    await user.click(box('Disease'));
    await user.click(box('Therapy'));
    expect(state.hiddenCategories.size).toBe(2);
    await user.click(showAll()!);
    expect(state.hiddenCategories.size).toBe(0);
    expect(box('Disease')).toBeChecked();
    expect(box('Therapy')).toBeChecked();
    expect(showAll()).toBeNull();
    expect(box('Pathomechanism')).toHaveFocus();
  });

  it('explains every line pattern the map uses, and what each of its relations says by its end', () => {
    setup();
    const key = screen.getByRole('list', { name: 'Evidence on relations' });
    const used = new Set(searchMap.edges.map((e) => evidenceStroke(e.level).stroke));
    const items = within(key).getAllByRole('listitem');
    expect(items).toHaveLength(used.size);
    for (const style of Object.values(EVIDENCE_STROKES).filter((s) => used.has(s.stroke))) {
      const item = within(key).getByText(style.short).closest('li')!;
      expect(item).toHaveTextContent(style.meaning);
      const line = item.querySelector('svg path');
      if (style.dasharray) expect(line).toHaveAttribute('stroke-dasharray', style.dasharray);
      else expect(line).not.toHaveAttribute('stroke-dasharray');
    }
    const effects = screen.getByRole('list', { name: 'What relations say' });
    for (const effect of new Set(searchMap.edges.map((e) => e.effect))) {
      expect(effects).toHaveTextContent(EFFECT_LOOK[effect].legend);
      expect(effects).toHaveTextContent(RELATION_EFFECT_LABELS[effect]);
    }
  });

  it('writes every relation\'s verb on the map when asked', async () => {
    const { state, user } = setup();
    expect(state.showRelationLabels).toBe(false);
    await user.click(screen.getByRole('checkbox', { name: 'Show relation labels' }));
    expect(state.showRelationLabels).toBe(true);
  });
});
