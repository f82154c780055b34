import { describe, expect, it } from 'vitest';
import { inferEffect } from '../../../src/core/model/effects.ts';

describe('inferEffect: what a relation says happens, from its wording', () => {
  it.each([
    ['promotes', 'promotes'],
    ['may lead to', 'promotes'],
    ['is a powerful inhibitor of', 'inhibits'],
    ['reduces', 'inhibits'],
    ['is associated with', 'associated'],
    ['is more frequent with (univariate)', 'associated'],
    ['precedes', 'associated'],
    ['is linked to', 'associated'],
    ['has been tried for', 'treats'],
    ['is used to treat', 'treats'],
    ['should not be used to treat', 'advised-against'],
    ['is imaged with', 'diagnoses'],
    ['can be diagnosed by', 'diagnoses'],
    ['is a form of', 'part-of'],
    ['is a subset of', 'part-of'],
    ['', 'associated'],
  ] as const)('%j → %s', (relation, effect) => {
    expect(inferEffect(relation)).toBe(effect);
  });
});
