/**
 * The search index, built on first use: MiniSearch and the index of a map are loaded and built
 * when the reader first types a query, not before the map is drawn. Until then `search` gives
 * no hits; when the index is ready, whoever read `search` (a `$derived` list of hits) runs again.
 */
import type { SearchHit, SearchIndex } from '../../core/model/search.ts';
import type { PathoMap } from '../../core/model/types.ts';

export function lazySearchIndex(map: PathoMap): SearchIndex & { ready(): Promise<SearchIndex> } {
  let index = $state.raw<SearchIndex | undefined>();
  let loading: Promise<SearchIndex> | undefined;
  const ready = () =>
    (loading ??= import('../../core/model/search.ts').then(({ createSearchIndex }) => (index = createSearchIndex(map))));
  return {
    search(query: string, limit?: number): SearchHit[] {
      if (index) return index.search(query, limit);
      if (query.trim()) void ready();
      return [];
    },
    ready,
  };
}
