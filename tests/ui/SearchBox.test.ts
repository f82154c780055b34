import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { createSearchIndex } from '../../src/core/model/search.ts';
import SearchBox from '../../src/ui/SearchBox.svelte';
import { searchMap } from '../fixtures/search-map.ts';

const index = createSearchIndex(searchMap);

function setup(props: { labelOf?: (id: string) => string } = {}) {
  const onchoose = vi.fn<(id: string) => void>();
  const user = userEvent.setup();
  render(SearchBox, { index, onchoose, ...props });
  const input = screen.getByRole('combobox', { name: 'Search' });
  const options = () => screen.queryAllByRole('option').map((o) => o.querySelector('.label')?.textContent);
  return { onchoose, user, input, options };
}

function editable<E extends HTMLElement>(el: E): E {
  el.setAttribute('contenteditable', '');
  return el;
}

describe('SearchBox', () => {
  it('is a search field named "Search" that hints at its shortcut', () => {
    const { input } = setup();
    expect(input).toHaveAttribute('type', 'search');
    expect(input).toHaveAttribute('placeholder', expect.stringContaining('( / )'));
    expect(input).toHaveAttribute('aria-expanded', 'false');
  });

  it('shows results live while typing', async () => {
    const { user, input, options } = setup();
    await user.type(input, 'calc');
    expect(input).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByRole('listbox')).toBeVisible();
    expect(options()).toEqual(expect.arrayContaining(['Calcinosis cutis', 'Calcium phosphate']));
    await user.type(input, 'ium');
    expect(options()[0]).toBe('Calcium phosphate');
  });

  it.each<[string, string, string]>([
    ['Enter chooses the first result', 'calcium{Enter}', 'calcium-phosphate'],
    ['ArrowDown, Enter chooses the first', 'calcium{ArrowDown}{Enter}', 'calcium-phosphate'],
    ['ArrowDown twice, Enter chooses the second', 'calcium{ArrowDown}{ArrowDown}{Enter}', 'calcinosis'],
    ['ArrowUp from the field chooses the last', 'calcium{ArrowUp}{Enter}', 'calcinosis'],
    ['ArrowDown past the end returns to the field', 'calcium{ArrowDown}{ArrowDown}{ArrowDown}{Enter}', 'calcium-phosphate'],
  ])('%s', async (_, keys, chosen) => {
    const { user, input, onchoose } = setup();
    await user.type(input, keys);
    expect(onchoose).toHaveBeenCalledExactlyOnceWith(chosen);
    expect(input).toHaveAttribute('aria-expanded', 'false');
  });

  it('marks the active option for assistive technology', async () => {
    const { user, input } = setup();
    await user.type(input, 'calcium{ArrowDown}{ArrowDown}');
    const [, second] = screen.getAllByRole('option');
    expect(second).toHaveAttribute('aria-selected', 'true');
    expect(input).toHaveAttribute('aria-activedescendant', second!.id);
  });

  it('chooses a clicked option and keeps focus in the field', async () => {
    const { user, input, onchoose } = setup();
    await user.type(input, 'calcium');
    await user.click(screen.getByRole('option', { name: /Calcinosis cutis/ }));
    expect(onchoose).toHaveBeenCalledExactlyOnceWith('calcinosis');
    expect(screen.queryByRole('listbox')).toBeNull();
    expect(input).toHaveFocus();
  });

  it('closes on Escape, and clears the query on a second Escape', async () => {
    const { user, input, onchoose } = setup();
    await user.type(input, 'calc{Escape}');
    expect(input).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByRole('listbox')).toBeNull();
    expect(input).toHaveValue('calc');
    await user.keyboard('{Enter}');
    expect(onchoose).not.toHaveBeenCalled();
    await user.keyboard('{Escape}');
    expect(input).toHaveValue('');
    await user.keyboard('{ArrowDown}');
    expect(input).toHaveAttribute('aria-expanded', 'false');
  });

  it('reopens with ArrowDown after closing', async () => {
    const { user, input } = setup();
    await user.type(input, 'calc{Escape}{ArrowDown}');
    expect(input).toHaveAttribute('aria-expanded', 'true');
  });

  it.each<[string, string, RegExp]>([
    ['source text', 'forearms', /found in source text: …over the fingers, with some over the forearms and elbows\./],
    ['an alias', 'dystrophic', /found in alias: Dystrophic calcification/],
    ['the evidence of a relation', 'hypoxia', /found in relation evidence: Chronic tissue hypoxia/],
  ])('says when a result matched only in %s', async (_, query, text) => {
    const { user, input } = setup();
    await user.type(input, query);
    const [first] = screen.getAllByRole('option');
    expect(first).toHaveTextContent(text);
    expect(first!.querySelector('mark')).toHaveTextContent(new RegExp(`^${query}$`, 'i'));
  });

  it('says nothing of where for a label match', async () => {
    const { user, input } = setup();
    await user.type(input, 'fetuin');
    expect(screen.getByRole('option')).toHaveTextContent(/^Fetuin-A$/);
  });

  it('shows "No matches" when nothing is found', async () => {
    const { user, input, onchoose } = setup();
    await user.type(input, 'zzzz{Enter}');
    expect(screen.getByRole('status')).toHaveTextContent('No matches');
    expect(screen.getByText('No matches')).toBeVisible();
    expect(onchoose).not.toHaveBeenCalled();
  });

  it('uses labelOf for what it shows', async () => {
    const { user, input, options } = setup({ labelOf: (id) => `«${id}»` });
    await user.type(input, 'fetuin');
    expect(options()).toEqual(['«fetuin»']);
  });

  it.each<[string, (() => HTMLElement) | null, boolean]>([
    ['from the page', null, true],
    ['not from another text field', () => document.createElement('input'), false],
    ['not from a text area', () => document.createElement('textarea'), false],
    ['not from editable content', () => editable(document.createElement('p')), false],
  ])('"/" focuses the search %s', async (_, makeOrigin, focuses) => {
    const { user, input } = setup();
    const origin = makeOrigin?.();
    if (origin) {
      origin.tabIndex = 0;
      document.body.append(origin);
      origin.focus();
    }
    await user.keyboard('/');
    if (focuses) {
      expect(input).toHaveFocus();
      expect(input).toHaveValue('');
    } else {
      expect(input).not.toHaveFocus();
    }
    origin?.remove();
  });
});
