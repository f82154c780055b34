// A map from the reader's disk, kept whole in this browser (IndexedDB, here fake-indexeddb):
// kept with its source texts, given back, replaced, forgotten; refused, full or too large,
// nothing is kept and the reader is told; what older versions kept in localStorage moves over.
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  forgetMap,
  indexedDbStore,
  keepMap,
  keptMap,
  MAX_KEPT_BYTES,
  type KeptMap,
  type KeptMapStore,
} from '../../src/ui/kept-map.ts';
import { keysShaping, lastMap } from '../../src/ui/persist.ts';

const MARKER = 'pathomap:last-map';
const bytes = (text: string) => new TextEncoder().encode(text);

function aMap(name = 'my-map.yaml', source = 'The stored source text.'): KeptMap {
  return { name, text: `title: ${name}\n`, sources: [{ name: 'smith-2020.txt', bytes: bytes(source) }] };
}

/** A store that fails every write the way a browser does, with a DOMException of `name`. */
function failingStore(store: KeptMapStore, name: string): KeptMapStore {
  return { ...store, put: async () => Promise.reject(new DOMException('no room', name)) };
}

let store: KeptMapStore;
beforeEach(() => {
  localStorage.clear();
  store = indexedDbStore(new IDBFactory());
});

describe('keeping a map from disk', () => {
  it('keeps it with its source texts, and gives it back whole', async () => {
    expect(await keepMap(aMap(), store)).toEqual({ kept: true });
    const reopened = await keptMap(lastMap(), store);
    expect(reopened).toEqual({ kind: 'kept', map: aMap() });
    // Only a marker stays in localStorage, and the page's first script still sees it.
    expect(JSON.parse(localStorage.getItem(MARKER)!)).toEqual({ kind: 'file', name: 'my-map.yaml', kept: true });
    expect(keysShaping('map:calcinosis-ssc')).toContain(MARKER);
  });

  it('keeps one map at a time: a new one replaces it', async () => {
    await keepMap(aMap('first.yaml'), store);
    await keepMap(aMap('second.yaml', 'Other text.'), store);
    expect(await keptMap(lastMap(), store)).toEqual({ kind: 'kept', map: aMap('second.yaml', 'Other text.') });
  });

  it('forgets it: nothing opens after a reload, and nothing is left stored', async () => {
    await keepMap(aMap(), store);
    await forgetMap(store);
    expect(localStorage.getItem(MARKER)).toBeNull();
    expect(await store.get()).toBeUndefined();
    expect(await keptMap(lastMap(), store)).toEqual({ kind: 'none' });
  });
});

describe('when a map cannot be kept', () => {
  it.each([
    ['storage is full', 'QuotaExceededError', 'full'],
    ['storage is full (older Firefox)', 'NS_ERROR_DOM_QUOTA_REACHED', 'full'],
    ['storage refuses the write', 'InvalidStateError', 'refused'],
  ] as const)('%s: says so, and forgets the map kept before, which the reader replaced', async (_, error, reason) => {
    await keepMap(aMap('before.yaml'), store);
    const outcome = await keepMap(aMap(), failingStore(store, error));
    expect(outcome).toEqual({ kept: false, reason, size: expect.any(Number) });
    expect(localStorage.getItem(MARKER)).toBeNull();
    expect(await store.get()).toBeUndefined();
  });

  it('storage refuses to open (IndexedDB unavailable): says so, and nothing opens after a reload', async () => {
    await keepMap(aMap('before.yaml'), store);
    expect(await keepMap(aMap(), indexedDbStore(undefined))).toEqual({ kept: false, reason: 'refused', size: expect.any(Number) });
    expect(localStorage.getItem(MARKER)).toBeNull();
    expect(await keptMap(lastMap(), store)).toEqual({ kind: 'none' });
  });

  it('refuses a map larger than the limit, saying how large it is', async () => {
    const big: KeptMap = { ...aMap(), sources: [{ name: 'big.txt', bytes: new Uint8Array(MAX_KEPT_BYTES) }] };
    const outcome = await keepMap(big, store);
    expect(outcome).toEqual({ kept: false, reason: 'too-large', size: MAX_KEPT_BYTES + 'title: my-map.yaml\n'.length });
    expect(await store.get()).toBeUndefined();
  });

  it('a real quota error from IndexedDB is told from a refusal', async () => {
    const factory = new IDBFactory();
    const real = indexedDbStore(factory);
    // The browser aborts the transaction with a QuotaExceededError: simulated by its put throwing one.
    const { IDBObjectStore: FDBObjectStore } = await import('fake-indexeddb');
    const original = FDBObjectStore.prototype.put;
    FDBObjectStore.prototype.put = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    try {
      expect(await keepMap(aMap(), real)).toMatchObject({ kept: false, reason: 'full' });
    } finally {
      FDBObjectStore.prototype.put = original;
    }
    expect(await keepMap(aMap(), real)).toEqual({ kept: true });
  });
});

describe('reopening after a reload', () => {
  it('says when the kept map is gone (site data cleared), and stops looking for it', async () => {
    localStorage.setItem(MARKER, JSON.stringify({ kind: 'file', name: 'gone.yaml', kept: true }));
    expect(await keptMap(lastMap(), store)).toEqual({ kind: 'lost', name: 'gone.yaml', reason: 'missing' });
    expect(localStorage.getItem(MARKER)).toBeNull();
  });

  it('says when storage refuses to give it back, and keeps looking next time', async () => {
    localStorage.setItem(MARKER, JSON.stringify({ kind: 'file', name: 'mine.yaml', kept: true }));
    expect(await keptMap(lastMap(), indexedDbStore(undefined))).toEqual({ kind: 'lost', name: 'mine.yaml', reason: 'refused' });
    expect(localStorage.getItem(MARKER)).not.toBeNull();
  });

  it('treats a damaged record as no map', async () => {
    await keepMap(aMap(), store);
    const factory = new IDBFactory();
    const damaged = indexedDbStore(factory);
    await damaged.put(aMap());
    // Replace the record with something that is not a kept map.
    const request = factory.open('pathomap', 1);
    await new Promise((resolve) => (request.onsuccess = resolve));
    const tx = request.result.transaction('kept-maps', 'readwrite');
    tx.objectStore('kept-maps').put({ name: 'my-map.yaml', text: 1, sources: 'x' }, 'last');
    await new Promise((resolve) => (tx.oncomplete = resolve));
    request.result.close();
    expect(await damaged.get()).toBeUndefined();
  });

  it('moves a map an older version kept in localStorage into IndexedDB, dropping its text there', async () => {
    localStorage.setItem(MARKER, JSON.stringify({ kind: 'file', name: 'old.json', text: '{"nodes": []}' }));
    const reopened = await keptMap(lastMap(), store);
    expect(reopened).toEqual({ kind: 'old', map: { name: 'old.json', text: '{"nodes": []}', sources: [] } });
    expect(JSON.parse(localStorage.getItem(MARKER)!)).toEqual({ kind: 'file', name: 'old.json', kept: true });
    expect(await keptMap(lastMap(), store)).toEqual({ kind: 'kept', map: { name: 'old.json', text: '{"nodes": []}', sources: [] } });
  });

  it('leaves an older version’s copy where it is when IndexedDB refuses it', async () => {
    const old = JSON.stringify({ kind: 'file', name: 'old.json', text: '{"nodes": []}' });
    localStorage.setItem(MARKER, old);
    expect((await keptMap(lastMap(), indexedDbStore(undefined))).kind).toBe('old');
    expect(localStorage.getItem(MARKER)).toBe(old);
  });
});
