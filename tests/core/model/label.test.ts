import { describe, expect, it } from 'vitest';
import { wrapLabel } from '../../../src/core/model/label.ts';

describe('wrapLabel', () => {
  it.each([
    ['Digital ulcers', ['Digital ulcers']],
    ['Calcinosis cutis in systemic sclerosis', ['Calcinosis cutis in', 'systemic sclerosis']],
    ['Anti-PM/Scl antibody positivity', ['Anti-PM/Scl', 'antibody positivity']],
    ['Pseudoxanthomaelasticumwithoutspaces', ['Pseudoxanthomaelasticumwithoutspaces']],
    ['  padded   label  ', ['padded label']],
  ])('%s', (label, lines) => {
    expect(wrapLabel(label)).toEqual(lines);
  });
});
