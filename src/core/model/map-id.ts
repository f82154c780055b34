/**
 * What a map is called: in an address (`?map=`), a published file name (`maps/<id>.json`) and
 * the names of exports. Kept apart from the loader, so that pages that only fetch a built map do
 * not load the YAML parser and the schema validator with it.
 */

/** What a map may be called in an address and a published file name. */
const MAP_ID = /^[A-Za-z0-9_.-]{1,100}$/;

export function isMapId(id: string): boolean {
  return MAP_ID.test(id);
}

/** The map id of a file: its base name without its extension. */
export function mapIdOf(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(0, dot) : base;
}
