/**
 * The map a reader opened from their disk, kept whole in this browser — the map file and every
 * stored source text it read — so that a reload shows the same map, its quotes verified again.
 * Kept in IndexedDB: localStorage holds only text, and only about 5 MB of it. One map is kept at
 * a time, up to MAX_KEPT_BYTES. A small marker in localStorage (`persist.ts`) says that a map is
 * kept: the page's first script reads it to know the flagship's picture is not what will open.
 *
 * Storage can be refused (turned off, some private windows) or full. Then nothing is lost from
 * the page — the map stays on screen — and the caller says it will not survive a reload.
 */
import { lastMap, MAX_KEPT_BYTES, rememberLastMap, type LastMap } from './persist.ts';

export { MAX_KEPT_BYTES } from './persist.ts';

export interface KeptSource {
  /** The file name as picked; quotes find their texts by it. */
  name: string;
  bytes: Uint8Array;
}

export interface KeptMap {
  name: string;
  text: string;
  sources: KeptSource[];
}

export type KeepFailure = 'too-large' | 'refused' | 'full';

export type KeepResult = { kept: true } | { kept: false; reason: KeepFailure; size: number };

/** Where the kept map lives: IndexedDB in the browser, a stand-in in tests. */
export interface KeptMapStore {
  get(): Promise<KeptMap | undefined>;
  put(map: KeptMap): Promise<void>;
  delete(): Promise<void>;
}

const DATABASE = 'pathomap';
const STORE = 'kept-maps';
const KEY = 'last';

let defaultStore: KeptMapStore | undefined;

function storeInUse(): KeptMapStore {
  return (defaultStore ??= indexedDbStore());
}

/** The bytes a kept map takes: its text as UTF-8 and its sources. */
export function keptSize(map: KeptMap): number {
  return new TextEncoder().encode(map.text).length + map.sources.reduce((sum, s) => sum + s.bytes.length, 0);
}

/**
 * Keeps `map`, replacing the map kept before. When it cannot be kept, the one kept before is
 * forgotten too: a reload would otherwise bring back a map the reader has since replaced.
 */
export async function keepMap(map: KeptMap, store = storeInUse()): Promise<KeepResult> {
  const size = keptSize(map);
  let failure: KeepFailure | undefined;
  if (size > MAX_KEPT_BYTES) failure = 'too-large';
  else {
    try {
      await store.put(map);
      if (rememberLastMap({ kind: 'file', name: map.name, kept: true })) return { kept: true };
      // Without the marker the page would not look for the map: as good as refused.
      failure = 'refused';
    } catch (error) {
      failure = isQuotaError(error) ? 'full' : 'refused';
    }
  }
  await forgetMap(store);
  return { kept: false, reason: failure, size };
}

/** Forgets the kept map, if any; never fails (storage that refuses holds nothing to forget). */
export async function forgetMap(store = storeInUse()): Promise<void> {
  rememberLastMap(null);
  try {
    await store.delete();
  } catch {
    // Refused storage keeps nothing.
  }
}

export type Reopened =
  | { kind: 'none' }
  | { kind: 'kept'; map: KeptMap }
  /** Kept by an older version of Pathomap, in localStorage: the map text without its sources. */
  | { kind: 'old'; map: KeptMap }
  /** A map was kept, but cannot be read back now. */
  | { kind: 'lost'; name: string; reason: 'missing' | 'refused' };

/**
 * The map kept from an earlier visit. One an older version kept in localStorage is moved into
 * IndexedDB on the way, and its copy in localStorage dropped once that worked.
 */
export async function keptMap(last: LastMap | null = lastMap(), store = storeInUse()): Promise<Reopened> {
  if (last?.kind !== 'file') return { kind: 'none' };
  if (last.text !== undefined) {
    const map = { name: last.name, text: last.text, sources: [] };
    try {
      await store.put(map);
      rememberLastMap({ kind: 'file', name: last.name, kept: true });
    } catch {
      // Left as it was: it still opens from localStorage next time.
    }
    return { kind: 'old', map };
  }
  let map: KeptMap | undefined;
  try {
    map = await store.get();
  } catch {
    return { kind: 'lost', name: last.name, reason: 'refused' };
  }
  if (map?.name !== last.name) {
    rememberLastMap(null);
    return { kind: 'lost', name: last.name, reason: 'missing' };
  }
  return { kind: 'kept', map };
}

function isQuotaError(error: unknown): boolean {
  const name = (error as { name?: unknown } | null)?.name;
  // Firefox spoke of NS_ERROR_DOM_QUOTA_REACHED before it used the standard name.
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED';
}

// ---------------------------------------------------------------------------
// IndexedDB
// ---------------------------------------------------------------------------

/** The kept map in IndexedDB; `factory` is the browser's `indexedDB` unless a test gives another. */
export function indexedDbStore(factory: IDBFactory | undefined = globalThis.indexedDB): KeptMapStore {
  return {
    async get() {
      const value = await transact<unknown>(factory, 'readonly', (store) => store.get(KEY));
      return asKeptMap(value);
    },
    async put(map) {
      // Plain copies: the structured clone must not meet anything else the caller holds.
      const record: KeptMap = { name: map.name, text: map.text, sources: map.sources.map((s) => ({ name: s.name, bytes: new Uint8Array(s.bytes) })) };
      await transact(factory, 'readwrite', (store) => store.put(record, KEY));
    },
    async delete() {
      await transact(factory, 'readwrite', (store) => store.delete(KEY));
    },
  };
}

function openDatabase(factory: IDBFactory | undefined): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    if (!factory) {
      reject(new DOMException('IndexedDB is not available', 'SecurityError'));
      return;
    }
    let request: IDBOpenDBRequest;
    try {
      request = factory.open(DATABASE, 1);
    } catch (error) {
      reject(error);
      return;
    }
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new DOMException('IndexedDB could not be opened', 'UnknownError'));
    request.onblocked = () => reject(new DOMException('IndexedDB is blocked by another tab', 'UnknownError'));
  });
}

/** Runs one request in a transaction; resolves with its result once the transaction has committed. */
async function transact<T>(
  factory: IDBFactory | undefined,
  mode: IDBTransactionMode,
  request: (store: IDBObjectStore) => IDBRequest,
): Promise<T | undefined> {
  const db = await openDatabase(factory);
  return new Promise<T | undefined>((resolve, reject) => {
    let result: T | undefined;
    let transaction: IDBTransaction;
    const fail = (error: unknown) => {
      db.close();
      reject(error);
    };
    try {
      transaction = db.transaction(STORE, mode);
      const made = request(transaction.objectStore(STORE));
      made.onsuccess = () => {
        result = made.result as T;
      };
    } catch (error) {
      fail(error);
      return;
    }
    transaction.oncomplete = () => {
      db.close();
      resolve(result);
    };
    // A quota error surfaces as the transaction's error when it aborts.
    transaction.onabort = () => fail(transaction.error ?? new DOMException('the transaction was aborted', 'AbortError'));
  });
}

/** A stored record as a kept map, or nothing if it is not one (damaged, or from elsewhere). */
function asKeptMap(value: unknown): KeptMap | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { name, text, sources } = value as Record<string, unknown>;
  if (typeof name !== 'string' || typeof text !== 'string' || !Array.isArray(sources)) return undefined;
  const kept: KeptSource[] = [];
  for (const source of sources) {
    const { name: sourceName, bytes } = (source ?? {}) as Record<string, unknown>;
    if (typeof sourceName !== 'string') return undefined;
    // Another realm's Uint8Array (a test's) is not `instanceof` ours: check by its tag.
    if (Object.prototype.toString.call(bytes) !== '[object Uint8Array]') return undefined;
    kept.push({ name: sourceName, bytes: bytes as Uint8Array });
  }
  return { name, text, sources: kept };
}
