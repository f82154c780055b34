import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import PathFinder from '../../src/ui/PathFinder.svelte';
import { MapViewState } from '../../src/ui/state/map-view.svelte.ts';
import { MARKUP_LABEL, smallMap } from '../fixtures/small-map.ts';

function setup(prepare: (state: MapViewState) => void = () => {}) {
  const state = new MapViewState(smallMap());
  prepare(state);
  const user = userEvent.setup();
  render(PathFinder, { view: state });
  const group = screen.getByRole('group', { name: 'Path' });
  return {
    state,
    user,
    from: within(group).getByRole<HTMLSelectElement>('combobox', { name: 'From' }),
    to: within(group).getByRole<HTMLSelectElement>('combobox', { name: 'To' }),
    swap: within(group).getByRole('button', { name: /^Swap/ }),
    clear: within(group).getByRole('button', { name: 'Clear' }),
    status: within(group).getByRole('status'),
  };
}

const optionLabels = (select: HTMLSelectElement) => [...select.options].map((o) => o.text);

describe('PathFinder', () => {
  it('lists every concept by label, with an empty choice first', () => {
    const { from, to } = setup();
    const expected = [
      'Choose a concept…',
      MARKUP_LABEL,
      'Bisphosphonates',
      'Calcinosis cutis',
      'Digital ulcers',
      'Systemic sclerosis',
      'Tissue hypoxia',
    ];
    expect(optionLabels(from)).toEqual(expected);
    expect(optionLabels(to)).toEqual(expected);
    expect(from.querySelector('img')).toBeNull();
  });

  it.each([
    ['ssc', 'ulcers', 2, '2 steps'],
    ['ssc', 'calcinosis', 1, '1 step'],
    ['ulcers', 'bisphosphonates', 2, '2 steps'],
    ['markup', 'ssc', null, 'Not connected'],
    ['ulcers', 'ulcers', 0, 'Same concept'],
  ])('%s to %s finds a chain of %s steps', async (fromId, toId, length, message) => {
    const { state, user, from, to, status } = setup();
    await user.selectOptions(from, fromId);
    expect(status).toHaveTextContent('');
    await user.selectOptions(to, toId);
    expect([state.pathFrom, state.pathTo]).toEqual([fromId, toId]);
    expect(state.path?.length ?? null).toBe(length);
    expect(status).toHaveTextContent(message);
  });

  it('swaps the ends', async () => {
    const { state, user, from, to, swap } = setup((s) => s.setPath('ssc', 'bisphosphonates'));
    expect([from.value, to.value]).toEqual(['ssc', 'bisphosphonates']);
    await user.click(swap);
    expect([state.pathFrom, state.pathTo]).toEqual(['bisphosphonates', 'ssc']);
    expect([from.value, to.value]).toEqual(['bisphosphonates', 'ssc']);
  });

  it('clears both ends, and has nothing to swap or clear once empty', async () => {
    const { state, user, from, to, swap, clear, status } = setup((s) => s.setPath('ssc', 'ulcers'));
    expect(status).toHaveTextContent('2 steps');
    await user.click(clear);
    expect([state.pathFrom, state.pathTo]).toEqual([null, null]);
    expect([from.value, to.value]).toEqual(['', '']);
    expect(status).toHaveTextContent('');
    expect(swap).toBeDisabled();
    expect(clear).toBeDisabled();
  });

  it('choosing the empty option drops that end', async () => {
    const { state, user, to, status } = setup((s) => s.setPath('ssc', 'ulcers'));
    await user.selectOptions(to, '');
    expect([state.pathFrom, state.pathTo]).toEqual(['ssc', null]);
    expect(status).toHaveTextContent('');
  });

  it('marks concepts of hidden categories, which no chain can pass through', async () => {
    const { user, from, to, status } = setup((s) => s.setCategoryVisible('therapy', false));
    expect(optionLabels(from)).toContain('Bisphosphonates (hidden)');
    await user.selectOptions(from, 'ssc');
    await user.selectOptions(to, 'bisphosphonates');
    expect(status).toHaveTextContent('Not connected');
  });
});
