import { describe, expect, it } from 'vitest';
import { ViewFraming, type ResizeAction } from '../../src/render/framing.ts';

type Step = (framing: ViewFraming) => void;
const fitted: Step = (f) => f.fitted();
const stepped: Step = (f) => f.stepped(['a', 'b'], true);
const centred: Step = (f) => f.centred('a');
const moved: Step = (f) => f.moved();

describe('ViewFraming', () => {
  it.each<[string, Step[], boolean, boolean, ResizeAction]>([
    ['a fitted map is fitted again', [fitted], false, false, { kind: 'fit' }],
    ['a fitted map keeps its middle when a selection opens the Details panel', [fitted], false, true, { kind: 'keep-middle' }],
    ['a tour step is framed again', [fitted, stepped], false, true, { kind: 'step', ids: ['a', 'b'] }],
    ['a concept brought to the middle stays there', [fitted, centred], false, true, { kind: 'centre', id: 'a' }],
    ['a view the reader moved keeps its middle', [fitted, moved], false, false, { kind: 'keep-middle' }],
    ['a view moved after a tour step is the reader’s', [stepped, moved], false, false, { kind: 'keep-middle' }],
    ['a map that had no size is fitted, whatever was done to it', [fitted, moved], true, true, { kind: 'fit' }],
    ['a map that had no size shows its tour step', [stepped], true, false, { kind: 'step', ids: ['a', 'b'] }],
  ])('on resize: %s', (_name, steps, hadNoSize, selection, action) => {
    const framing = new ViewFraming();
    for (const step of steps) step(framing);
    expect(framing.onResize(hadNoSize, selection)).toEqual(action);
  });

  it('a map opened on a concept to centre brings it into sight once it has a size, and follows the layout until then', () => {
    const framing = new ViewFraming('opened');
    expect(framing.framed).toBe(false);
    expect(framing.followsLayout(false)).toBe(true);
    expect(framing.onResize(true, true)).toEqual({ kind: 'centre', id: 'opened' });
  });

  it.each<[string, Step[]]>([
    ['the whole map', [fitted]],
    ['a tour step', [stepped]],
    ['a concept in the middle', [fitted, centred]],
  ])('once the first layout has settled, later motion (a drag) is not followed: %s', (_name, steps) => {
    const framing = new ViewFraming();
    for (const step of steps) step(framing);
    expect(framing.followsLayout(false)).toBe(true);
    expect(framing.followsLayout(true)).toBe(false);
  });

  it.each<[string, Step[], boolean, boolean]>([
    ['a view never framed follows the layout', [], true, true],
    ['a tour step asked before its concepts had places follows it', [(f) => f.stepped(['a'], false)], true, true],
    ['a fitted map follows its layout while it settles', [fitted], false, true],
    ['but not once it has settled', [fitted], true, false],
    ['a tour step stays framed while the layout settles', [stepped], false, true],
    ['a view the reader moved does not follow', [fitted, moved], false, false],
    ['a concept brought to the middle stays there while the layout settles', [fitted, centred], false, true],
    ['but is left where it is once it has settled', [fitted, centred], true, false],
    ['a concept to centre asked before it had a place follows the layout', [(f) => f.centred('a', false)], true, true],
  ])('while the layout moves: %s', (_name, steps, settled, follows) => {
    const framing = new ViewFraming();
    for (const step of steps) step(framing);
    expect(framing.followsLayout(settled)).toBe(follows);
  });
});
