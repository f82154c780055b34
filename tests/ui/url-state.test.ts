import { describe, expect, it } from 'vitest';
import { formatViewParams, parseDisplayOptions, parseViewParams, type DisplayOptions, type ViewParams } from '../../src/ui/url-state.ts';

describe('parseViewParams', () => {
  it.each<[string, ViewParams]>([
    ['', {}],
    ['?node=digital-ulcers', { node: 'digital-ulcers' }],
    ['?node=a&edge=a->b', { node: 'a' }],
    ['?edge=a->b%232', { edge: 'a->b#2' }],
    ['?depth=2&node=a', { node: 'a', depth: 2 }],
    ['?depth=9', {}],
    ['?depth=1.5', {}],
    ['?hide=therapy,imaging,therapy', { hide: ['imaging', 'therapy'] }],
    ['?hide=', {}],
    ['?from=a&to=b', { from: 'a', to: 'b' }],
    ['?view=text', { view: 'text' }],
    ['?view=<script>', {}],
    ['?node=<img src=x onerror=alert(1)>', {}],
    ['?map=calcinosis-ssc', { map: 'calcinosis-ssc' }],
    ['?tour=story&step=2', { tour: 'story', step: 2 }],
    // Steps count from 1, as the caption does ("Step 1 of 8"); missing, 0 or nonsense: the first.
    ['?tour=story', { tour: 'story', step: 1 }],
    ['?tour=story&step=0', { tour: 'story', step: 1 }],
    ['?tour=story&step=-1', { tour: 'story', step: 1 }],
    ['?tour=story&step=two', { tour: 'story', step: 1 }],
    ['?step=2', {}],
  ])('%s', (search, expected) => {
    expect(parseViewParams(search)).toEqual(expected);
  });
});

describe('formatViewParams', () => {
  it.each<[ViewParams, string]>([
    [{}, ''],
    [{ node: 'a', depth: 2 }, '?node=a&depth=2'],
    [{ edge: 'a->b' }, '?edge=a-%3Eb'],
    [{ hide: ['z', 'a'] }, '?hide=a%2Cz'],
    [{ from: 'a', to: 'b', view: 'text' }, '?from=a&to=b&view=text'],
    [{ tour: 'story', step: 1 }, '?tour=story&step=1'],
    [{ tour: 'story' }, '?tour=story&step=1'],
  ])('%j → %s', (params, expected) => {
    expect(formatViewParams(params)).toBe(expected);
  });

  it('keeps parameters it does not own, and replaces those it does', () => {
    const base = new URLSearchParams('embed=&theme=dark&node=old');
    expect(formatViewParams({ node: 'new' }, base)).toBe('?embed=&theme=dark&node=new');
  });

  it('round-trips every view', () => {
    const view: ViewParams = { map: 'm', node: 'n', depth: 3, hide: ['a', 'b'], from: 'x', to: 'y', view: 'text', tour: 't', step: 4 };
    expect(parseViewParams(formatViewParams(view))).toEqual(view);
  });
});

describe('parseDisplayOptions', () => {
  it.each<[string, DisplayOptions]>([
    ['', { embed: false, interactive: true }],
    ['?embed', { embed: true, interactive: true }],
    ['?embed=1&interactive=0&theme=dark', { embed: true, interactive: false, theme: 'dark' }],
    ['?embed=0', { embed: false, interactive: true }],
    ['?theme=print', { embed: false, interactive: true, theme: 'print' }],
    ['?theme=neon', { embed: false, interactive: true }],
  ])('%s', (search, expected) => {
    expect(parseDisplayOptions(search)).toEqual(expected);
  });
});
