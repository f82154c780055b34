/**
 * Where the live map can be reached by others: the address slides link back to and embed
 * snippets load from. A build can name it (`VITE_PUBLIC_URL=https://your.site/pathomap/ npm run
 * build`); otherwise the page's own address serves, unless it only works on this machine
 * (localhost, 127.0.0.1, a file) — a link to that in a deck would open nothing for anyone else.
 */

/** Whether `url` names this machine or a local file: it works here only. */
export function isLocalAddress(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return true;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return true;
  const host = parsed.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return host === 'localhost' || host.endsWith('.localhost') || host === '::1' || host === '0.0.0.0' || /^127\./.test(host);
}

/** The address without its query or fragment. */
function withoutQuery(url: string): string {
  const parsed = new URL(url);
  parsed.search = '';
  parsed.hash = '';
  return parsed.href;
}

/** The build's configured public address, if it names one (an http(s) address). */
export function configuredPublicUrl(value: string | undefined = import.meta.env?.VITE_PUBLIC_URL): string | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  try {
    const url = new URL(text);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    // "https://your.site/pathomap" names the folder the app is in, as "…/pathomap/" does.
    if (!url.pathname.endsWith('/') && !/\.[a-z0-9]+$/i.test(url.pathname)) url.pathname += '/';
    return withoutQuery(url.href);
  } catch {
    return undefined;
  }
}

/**
 * The public address of the app (its page, without query), or undefined when there is none:
 * the configured one, else `pageUrl` when others can reach it.
 */
export function publicAddress(pageUrl: string, configured: string | undefined = configuredPublicUrl()): string | undefined {
  if (configured) return configured;
  try {
    return isLocalAddress(pageUrl) ? undefined : withoutQuery(pageUrl);
  } catch {
    return undefined;
  }
}
