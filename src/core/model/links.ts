/**
 * Links built from map data. Only http(s) URLs ever become clickable: a `javascript:` or
 * `data:` URL in a user's file stays text.
 */

export function safeHttpUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

export function pubmedUrl(pmid: string | undefined): string | undefined {
  return pmid && /^\d{1,9}$/.test(pmid) ? `https://pubmed.ncbi.nlm.nih.gov/${pmid}/` : undefined;
}

export function doiUrl(doi: string | undefined): string | undefined {
  return doi && /^10\.\d{4,9}\/\S+$/.test(doi) ? `https://doi.org/${encodeURI(doi)}` : undefined;
}
