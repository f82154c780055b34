import { render, screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { createConceptGraph } from '../../src/core/model/graph.ts';
import TextView from '../../src/ui/TextView.svelte';
import { CONTRADICTING, mapWithDisputes } from '../fixtures/small-map.ts';

function setup() {
  const map = mapWithDisputes();
  render(TextView, { map, graph: createConceptGraph(map) });
  /** A concept's article, found by its heading. */
  const concept = (label: string) => screen.getByRole('article', { name: label });
  return { concept };
}

const text = (element: HTMLElement) => element.textContent!.replace(/\s+/g, ' ').trim();

describe('TextView', () => {
  it("says in words what each relation does, and whether it is extrapolated or disputed", () => {
    const { concept } = setup();
    const calcinosis = text(concept('Calcinosis cutis'));
    expect(calcinosis).toContain('is associated with Digital ulcers (Cohort study) Effect: Associated (no direction of cause). Disputed: the evidence disagrees.');
    expect(calcinosis).toContain('may promote Calcinosis cutis (Animal model) Effect: Promotes or leads to. Extrapolated from mouse models of mineralization.');
  });

  it('keeps the supporting and the contradicting evidence of a disputed relation apart', () => {
    const { concept } = setup();
    const relation = within(concept('Calcinosis cutis')).getByText('Digital ulcers').closest('li')!;
    expect(within(relation).getAllByRole('heading', { level: 5 }).map((h) => h.textContent)).toEqual(['Supports', 'Contradicts']);
    expect(within(relation).getByText(CONTRADICTING).closest('figure')).toHaveTextContent(/^Contradicts this claim/);
  });

  it("names a concept's group and a group's members, as links", () => {
    const { concept } = setup();
    const ulcers = concept('Digital ulcers');
    expect(text(ulcers)).toContain('In the group Vascular features');
    expect(within(ulcers).getByRole('link', { name: 'Vascular features' })).toHaveAttribute('href', '#concept-features');
    const group = concept('Vascular features');
    const members = within(group).getByRole('list');
    expect(within(members).getAllByRole('link').map((a) => a.textContent)).toEqual(['Digital ulcers', 'Tissue hypoxia']);
  });
});
