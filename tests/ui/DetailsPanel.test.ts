import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import DetailsPanel from '../../src/ui/DetailsPanel.svelte';
import { MapViewState } from '../../src/ui/state/map-view.svelte.ts';
import { CAVEAT, CONTRADICTING, FINDING, MARKUP_LABEL, QUOTE, SOURCE_TEXT, UNVERIFIED_QUOTE, mapWithDisputes, smallMap } from '../fixtures/small-map.ts';

function setup(prepare: (state: MapViewState) => void = () => {}, onclose?: () => void) {
  const state = new MapViewState(smallMap());
  prepare(state);
  const user = userEvent.setup();
  render(DetailsPanel, { view: state, ...(onclose ? { onclose } : {}) });
  const panel = screen.getByRole('complementary', { name: 'Details' });
  const heading = () => within(panel).getByRole('heading', { level: 2 });
  return { state, user, panel, heading };
}

/** The text of every item in the list labelled `name`, whitespace collapsed. */
function items(panel: HTMLElement, name: string): string[] {
  return within(within(panel).getByRole('list', { name }))
    .getAllByRole('listitem')
    .map((li) => li.textContent!.replace(/\s+/g, ' ').trim());
}

describe('DetailsPanel with nothing selected', () => {
  it('offers a hint and no controls that need a selection', () => {
    const { panel } = setup();
    expect(panel).toHaveTextContent('Select a concept or a relation to read its sources');
    expect(within(panel).queryByRole('button', { name: 'Close details' })).toBeNull();
    expect(within(panel).queryByRole('group', { name: 'Focus' })).toBeNull();
  });
});

describe('DetailsPanel for a concept', () => {
  const selectCalcinosis = (s: MapViewState) => s.selectNode('calcinosis');

  it('names the concept in a focusable heading, with its category, aliases, summary and notes', () => {
    const { panel, heading } = setup(selectCalcinosis);
    expect(heading()).toHaveTextContent('Calcinosis cutis');
    expect(heading()).toHaveAttribute('tabindex', '-1');
    expect(panel).toHaveTextContent('Category: Disease');
    expect(panel).toHaveTextContent('Also known as: Cutaneous calcification, Dystrophic calcinosis');
    expect(panel).toHaveTextContent('Calcium deposits in the skin.');
    expect(panel).toHaveTextContent('Often at pressure points.');
  });

  it('lists relations as sentences, each with its evidence level', () => {
    const { panel } = setup(selectCalcinosis);
    expect(items(panel, 'Outgoing')).toEqual(['is associated with Digital ulcers Cohort study Evidence']);
    expect(items(panel, 'Incoming')).toEqual([
      'Systemic sclerosis is complicated by Calcinosis cutis Cohort study Evidence',
      'Tissue hypoxia may promote Calcinosis cutis Animal model Evidence',
      'Bisphosphonates are used to treat Calcinosis cutis Case series Evidence',
    ]);
  });

  it('names each passage of the same source apart, by its first words', () => {
    const second = 'Calcinosis cutis is a frequent manifestation';
    const { panel } = setup((s) => {
      const node = s.map.nodes.find((n) => n.id === 'calcinosis')!;
      const start = SOURCE_TEXT.indexOf(second);
      node.evidence.push({ kind: 'quote', ref: 'cohort2015', quote: second, span: { start, end: start + second.length } });
      s.selectNode('calcinosis');
    });
    const names = within(panel).getAllByRole('region', { name: /^Source text: Author A/ }).map((r) => r.getAttribute('aria-label'));
    expect(names).toHaveLength(2);
    expect(new Set(names).size).toBe(2);
    expect(names[1]).toContain('“Calcinosis cutis is a frequent manifestation”');
  });

  it('shows a verified quote highlighted inside the stored source text', () => {
    const { panel } = setup(selectCalcinosis);
    const source = within(panel).getByRole('region', { name: /^Source text: Author A/ });
    const mark = within(source).getByText(QUOTE);
    expect(mark.tagName).toBe('MARK');
    expect(source).toHaveTextContent('Treatment remains difficult.');
  });

  it("marks a finding as the author's summary, with its level and caveat", () => {
    const { panel } = setup(selectCalcinosis);
    const figure = within(panel).getByText(FINDING).closest('figure')!;
    expect(figure).toHaveTextContent("the map author's summary, not a quote");
    expect(figure).toHaveTextContent('Case series');
    expect(figure).toHaveTextContent(`Caveat: ${CAVEAT}`);
  });

  it('says when a quote could not be verified, and shows it without a highlight', () => {
    const { panel } = setup((s) => s.selectNode('hypoxia'));
    expect(panel).toHaveTextContent('Unverified quote — not found in the stored source text');
    expect(within(panel).getByText(UNVERIFIED_QUOTE).tagName).toBe('BLOCKQUOTE');
    expect(panel.querySelector('mark')).toBeNull();
  });

  it.each([
    ['Digital ulcers', 'ulcers'],
    ['Systemic sclerosis', 'ssc'],
    ['Bisphosphonates', 'bisphosphonates'],
  ])('following "%s" selects it and focuses the new heading', async (label, id) => {
    const { state, user, panel, heading } = setup(selectCalcinosis);
    await user.click(within(panel).getByRole('button', { name: label }));
    expect(state.selection).toEqual({ kind: 'node', id });
    expect(heading()).toHaveTextContent(label);
    expect(heading()).toHaveFocus();
  });

  it.each([
    ['Calcinosis cutis is associated with Digital ulcers', 'calcinosis->ulcers'],
    ['Bisphosphonates are used to treat Calcinosis cutis', 'bisphosphonates->calcinosis'],
  ])('a relation\'s evidence button opens "%s"', async (sentence, id) => {
    const { state, user, panel, heading } = setup(selectCalcinosis);
    await user.click(within(panel).getByRole('button', { name: `Evidence for relation: ${sentence}` }));
    expect(state.selection).toEqual({ kind: 'edge', id });
    expect(heading()).toHaveTextContent(sentence);
  });
});

describe('DetailsPanel for a relation', () => {
  const selectEdge = (s: MapViewState) => s.selectEdge('calcinosis->ulcers');

  it('reads "source relation target", with the evidence level in words, notes and sources', () => {
    const { panel, heading } = setup(selectEdge);
    expect(heading()).toHaveTextContent('Calcinosis cutis is associated with Digital ulcers');
    expect(panel).toHaveTextContent('Evidence level: Cohort study');
    expect(panel).toHaveTextContent('Both reflect vasculopathy.');
    const source = within(panel).getByRole('region', { name: /^Source text:/ });
    expect(within(source).getByText(QUOTE).tagName).toBe('MARK');
  });

  it.each([
    ['Calcinosis cutis', 'calcinosis'],
    ['Digital ulcers', 'ulcers'],
  ])('either end, "%s", selects that concept', async (label, id) => {
    const { state, user, heading } = setup(selectEdge);
    await user.click(within(heading()).getByRole('button', { name: label }));
    expect(state.selection).toEqual({ kind: 'node', id });
    expect(heading()).toHaveTextContent(new RegExp(`^\\s*${label}\\s*$`));
  });
});

describe('DetailsPanel controls', () => {
  it('closes through onclose when given', async () => {
    const onclose = vi.fn();
    const { state, user, panel } = setup((s) => s.selectNode('ssc'), onclose);
    await user.click(within(panel).getByRole('button', { name: 'Close details' }));
    expect(onclose).toHaveBeenCalledOnce();
    expect(state.selection).not.toBeNull();
  });

  it('clears the selection when closed without onclose', async () => {
    const { state, user, panel } = setup((s) => s.selectNode('ssc'));
    await user.click(within(panel).getByRole('button', { name: 'Close details' }));
    expect(state.selection).toBeNull();
    expect(panel).toHaveTextContent('Select a concept or a relation');
  });

  it.each([
    ['1 step', 1],
    ['2 steps', 2],
    ['3 steps', 3],
    ['Off', 0],
  ])('the Focus radio "%s" sets focus depth %i', async (label, depth) => {
    const { state, user, panel } = setup((s) => {
      s.selectNode('ssc');
      s.focusDepth = depth === 0 ? 2 : 0;
    });
    const focus = within(panel).getByRole('group', { name: 'Focus' });
    await user.click(within(focus).getByRole('radio', { name: label }));
    expect(state.focusDepth).toBe(depth);
    expect(within(focus).getByRole('radio', { name: label })).toBeChecked();
  });
});

describe('DetailsPanel path', () => {
  it.each([
    [
      'ssc',
      'ulcers',
      [
        'Systemic sclerosis → is complicated by → Calcinosis cutis',
        'Calcinosis cutis → is associated with → Digital ulcers',
      ],
    ],
    [
      'ulcers',
      'bisphosphonates',
      [
        'Digital ulcers ← is associated with ← Calcinosis cutis',
        'Calcinosis cutis ← are used to treat ← Bisphosphonates',
      ],
    ],
    [
      'ssc',
      'bisphosphonates',
      [
        'Systemic sclerosis → is complicated by → Calcinosis cutis',
        'Calcinosis cutis ← are used to treat ← Bisphosphonates',
      ],
    ],
  ])('%s to %s lists the steps in order, arrows in the real direction', (from, to, expected) => {
    const { panel } = setup((s) => s.setPath(from, to));
    const steps = within(panel).getAllByRole('listitem');
    expect(steps).toHaveLength(expected.length);
    steps.forEach((step, i) => expect(step).toHaveTextContent(expected[i]!));
  });

  it('tells a screen reader each step as the relation reads, source first', () => {
    const { panel } = setup((s) => s.setPath('ulcers', 'bisphosphonates'));
    const sentences = [...panel.querySelectorAll('.steps .visually-hidden')].map((e) => e.textContent);
    expect(sentences).toEqual([
      'Calcinosis cutis is associated with Digital ulcers',
      'Bisphosphonates are used to treat Calcinosis cutis',
    ]);
  });

  it("keeps each step's evidence folded until asked", async () => {
    const { user, panel } = setup((s) => s.setPath('ssc', 'bisphosphonates'));
    const finding = within(panel).getByText(FINDING);
    expect(finding).not.toBeVisible();
    const second = within(panel).getAllByRole('listitem')[1]!;
    await user.click(within(second).getByText(/evidence: 1 item/));
    expect(finding).toBeVisible();
  });

  it.each([
    ['markup', 'ssc', 'No chain of relations links these concepts (with the current filters).'],
    ['ssc', 'ssc', 'Both ends are the same concept.'],
  ])('%s to %s says why there are no steps', (from, to, message) => {
    const { panel } = setup((s) => s.setPath(from, to));
    expect(panel).toHaveTextContent(message);
    expect(within(panel).queryByRole('list')).toBeNull();
  });

  it('keeps the path apart from the selection, each under its own heading', () => {
    const { panel } = setup((s) => {
      s.setPath('ssc', 'ulcers');
      s.selectNode('hypoxia');
    });
    const headings = within(panel).getAllByRole('heading', { level: 2 });
    expect(headings.map((h) => h.textContent!.trim())).toEqual([
      'Path from Systemic sclerosis to Digital ulcers',
      'Tissue hypoxia',
    ]);
  });

  it('says when hiding a category breaks the chain', () => {
    const { panel } = setup((s) => {
      s.setPath('ssc', 'ulcers');
      s.setCategoryVisible('disease', false);
    });
    expect(panel).toHaveTextContent('No chain of relations links these concepts');
  });
});

describe('DetailsPanel renders data as text', () => {
  it('shows a label that looks like HTML literally', () => {
    const { panel } = setup((s) => {
      s.selectNode('markup');
      s.setPath('markup', 'ssc');
    });
    expect(within(panel).getByRole('heading', { level: 2, name: MARKUP_LABEL })).toBeInTheDocument();
    expect(
      within(panel).getByRole('heading', { level: 2, name: `Path from ${MARKUP_LABEL} to Systemic sclerosis` }),
    ).toBeInTheDocument();
    expect(panel).toHaveTextContent('<b>not bold</b>');
    expect(panel.querySelector('img, b')).toBeNull();
  });
});

function setupDisputes(prepare: (state: MapViewState) => void) {
  const state = new MapViewState(mapWithDisputes());
  prepare(state);
  const user = userEvent.setup();
  render(DetailsPanel, { view: state });
  const panel = screen.getByRole('complementary', { name: 'Details' });
  return { state, user, panel };
}

describe('DetailsPanel for what a relation does and how sure it is', () => {
  it('says in words what a relation does', () => {
    const { panel } = setupDisputes((s) => s.selectEdge('bisphosphonates->calcinosis'));
    expect(panel).toHaveTextContent('Effect: Used to treat');
    expect(panel).not.toHaveTextContent('Extrapolated');
    expect(panel).not.toHaveTextContent('Disputed');
  });

  it('says first that a relation is extrapolated, and from what', () => {
    const { panel } = setupDisputes((s) => s.selectEdge('hypoxia->calcinosis'));
    const note = within(panel).getByText(/^Extrapolated from mouse models of mineralization\./);
    // Before the effect, the level and the evidence: the first thing read under the heading.
    const body = panel.querySelector('.body')!;
    expect(body.firstElementChild).toBe(note.closest('p'));
    expect(panel).toHaveTextContent('Effect: Promotes or leads to');
  });

  it('shows a disputed relation with the supporting and the contradicting evidence apart, each contradicting item labelled', () => {
    const { panel } = setupDisputes((s) => s.selectEdge('calcinosis->ulcers'));
    expect(panel).toHaveTextContent('Disputed: the evidence disagrees.');
    const sides = within(panel).getAllByRole('heading', { level: 4 }).map((h) => h.textContent!.trim());
    expect(sides).toEqual(['Supports', 'Contradicts']);
    const [supports, contradicts] = within(panel).getAllByRole('heading', { level: 4 });
    const figures = [...panel.querySelectorAll('figure')];
    const against = within(panel).getByText(CONTRADICTING).closest('figure')!;
    expect(against).toHaveTextContent(/^Contradicts this claim · Cited finding/);
    // The contradicting item sits under "Contradicts", the quote under "Supports".
    const after = (heading: Element, figure: Element) => Boolean(heading.compareDocumentPosition(figure) & Node.DOCUMENT_POSITION_FOLLOWING);
    expect(after(contradicts!, against)).toBe(true);
    const quote = figures.find((f) => f !== against)!;
    expect(after(supports!, quote) && !after(contradicts!, quote)).toBe(true);
    expect(quote).not.toHaveTextContent('Contradicts this claim');
  });

  it('tags extrapolated and disputed relations in a concept\'s list of relations', () => {
    const { panel } = setupDisputes((s) => s.selectNode('calcinosis'));
    expect(items(panel, 'Outgoing')).toEqual(['is associated with Digital ulcers Disputed Cohort study Evidence']);
    expect(items(panel, 'Incoming')).toContain('Tissue hypoxia may promote Calcinosis cutis Extrapolated Animal model Evidence');
  });
});

describe('DetailsPanel for groups', () => {
  it("names a concept's group as a link", async () => {
    const { state, user, panel } = setupDisputes((s) => s.selectNode('ulcers'));
    expect(panel).toHaveTextContent('In the group Vascular features, whose relations speak for it too.');
    await user.click(within(panel).getByRole('button', { name: 'Vascular features' }));
    expect(state.selection).toEqual({ kind: 'node', id: 'features' });
  });

  it("lists a group's members as links", async () => {
    const { state, user, panel } = setupDisputes((s) => s.selectNode('features'));
    expect(items(panel, 'Members of this group')).toEqual(['Digital ulcers', 'Tissue hypoxia']);
    await user.click(within(within(panel).getByRole('list', { name: 'Members of this group' })).getByRole('button', { name: 'Tissue hypoxia' }));
    expect(state.selection).toEqual({ kind: 'node', id: 'hypoxia' });
  });

  it('says nothing of groups for a concept outside any', () => {
    const { panel } = setupDisputes((s) => s.selectNode('calcinosis'));
    expect(panel).not.toHaveTextContent('In the group');
    expect(within(panel).queryByRole('list', { name: 'Members of this group' })).toBeNull();
  });
});
