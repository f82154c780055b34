// File names of exports say the map and the view; addresses slides link to are ones others can reach.
import { describe, expect, it } from 'vitest';
import { exportName } from '../../src/ui/export-name.ts';
import { configuredPublicUrl, isLocalAddress, publicAddress } from '../../src/ui/public-address.ts';
import type { ViewParams } from '../../src/ui/url-state.ts';

describe('exportName', () => {
  it.each<[ViewParams, object, string]>([
    [{}, {}, 'calcinosis-ssc'],
    [{ node: 'vascular-hypoxia' }, {}, 'calcinosis-ssc-vascular-hypoxia'],
    [{ node: 'digital-ulcers', depth: 1 }, {}, 'calcinosis-ssc-digital-ulcers-focus-1'],
    [{ edge: 'a->b#2' }, {}, 'calcinosis-ssc-a-b-2'],
    [{ tour: 'story', step: 3 }, {}, 'calcinosis-ssc-story-step-3'],
    [{ from: 'a', to: 'b' }, {}, 'calcinosis-ssc-path-a-b'],
    [{ tour: 'story', step: 3 }, { deck: 'story' }, 'calcinosis-ssc-story'],
    [{}, { format: '4:3' }, 'calcinosis-ssc-4x3'],
  ])('%j %j → %s', (view, extra, name) => {
    expect(exportName('calcinosis-ssc', view, extra)).toBe(name);
  });
});

describe('the public address', () => {
  it.each([
    ['http://127.0.0.1:5173/', true],
    ['http://localhost:4173/app/', true],
    ['http://[::1]:8080/', true],
    ['file:///home/me/dist/index.html', true],
    ['https://maps.example.org/pathomap/', false],
    ['http://192.168.1.20:5173/', false],
  ])('%s is local: %s', (url, local) => {
    expect(isLocalAddress(url)).toBe(local);
  });

  it('is the configured one, else the page when others can reach it, else none', () => {
    expect(publicAddress('http://127.0.0.1:5173/index.html?node=x', undefined)).toBeUndefined();
    expect(publicAddress('https://maps.example.org/pathomap/index.html?node=x#y', undefined)).toBe('https://maps.example.org/pathomap/index.html');
    expect(publicAddress('http://127.0.0.1:5173/', 'https://maps.example.org/pathomap/')).toBe('https://maps.example.org/pathomap/');
    expect(configuredPublicUrl('https://maps.example.org/pathomap')).toBe('https://maps.example.org/pathomap/');
    expect(configuredPublicUrl('javascript:alert(1)')).toBeUndefined();
    expect(configuredPublicUrl('')).toBeUndefined();
  });
});
