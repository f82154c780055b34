/**
 * A map carried inside its page, so the page opens from file:// with no request at all:
 * `<script type="application/json" id="pathomap-data">`, written by the standalone build and
 * read by the app (`fetchMap`) in place of fetching `maps/<id>.json`.
 */
import type { LoadResult } from '../core/model/types.ts';

export const EMBEDDED_MAP_ID = 'pathomap-data';

/**
 * The script element holding `result`. Every `<` is written as `\u003c`, which JSON reads back
 * unchanged, so no text in the map (a quote containing `</script>`, say) can end the element.
 */
export function embeddedMapScript(result: LoadResult): string {
  const json = JSON.stringify(result).replace(/</g, '\\u003c');
  return `<script type="application/json" id="${EMBEDDED_MAP_ID}">${json}</script>`;
}

/** The JSON text of the map this page carries, if it carries one. */
export function embeddedMapJson(doc: Document = document): string | undefined {
  return doc.getElementById(EMBEDDED_MAP_ID)?.textContent ?? undefined;
}
