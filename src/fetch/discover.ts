// Finding publications: which provider pages to read (the search listing of local authorities, or the areas asked
// for), and what each page links to.
import type { Area } from '../records.js';
import type { ProviderRef } from './areas.js';
import type { PoliteHttp } from './http.js';
import { LA_PROVIDER_TYPE, parseListing, parseProviderPage } from './pages.js';
import { describePublication, fileIdOf } from './publications.js';
import type { SeenPublication } from './state.js';

/** The site's own page size limit for search results. */
const ROWS = 100;
/** ~150 local authorities fit in two pages; this only stops a site that ignores `start` from looping forever. */
const MAX_LISTING_PAGES = 20;

export interface FoundPublication extends SeenPublication {
  send: boolean;
}

export interface Sites {
  baseUrl: string;
  filesBaseUrl: string;
}

/** Local authority children's services (level 3, type 12): where area SEND reports are filed. */
export function listingUrl(baseUrl: string, start: number): string {
  return `${baseUrl}/search?q=&level_1_types=3&level_2_types%5B%5D=12&start=${start}&rows=${ROWS}`;
}

export function providerUrl(baseUrl: string, urn: string): string {
  return `${baseUrl}/provider/${LA_PROVIDER_TYPE}/${urn}`;
}

/**
 * Every local authority provider on the search listing, page by page until a page adds nobody new. The first page's
 * failure is thrown (nothing can be discovered); a later page's is passed to `onPageError` and the crawl stops there.
 */
export async function listProviders(
  http: PoliteHttp,
  baseUrl: string,
  onPageError: (error: unknown) => void,
): Promise<ProviderRef[]> {
  const found = new Map<string, ProviderRef>();
  for (let page = 0; page < MAX_LISTING_PAGES; page++) {
    let html: string;
    try {
      html = await http.text(listingUrl(baseUrl, page * ROWS));
    } catch (error) {
      if (page === 0) throw error;
      onPageError(error);
      break;
    }
    const fresh = parseListing(html).filter((provider) => !found.has(provider.urn));
    if (fresh.length === 0) break;
    for (const provider of fresh) found.set(provider.urn, provider);
  }
  return [...found.values()];
}

/**
 * The publications a provider page links to, labelled with the area. Links without an Ofsted file id cannot be
 * tracked or fetched; they come back in `unusable` (by href) for the caller to report if they matter.
 */
export async function readProvider(
  http: PoliteHttp,
  provider: ProviderRef,
  area: Area | undefined,
  sites: Sites,
): Promise<{ publications: FoundPublication[]; unusable: { href: string; send: boolean }[] }> {
  const page = parseProviderPage(await http.text(providerUrl(sites.baseUrl, provider.urn)));
  const publications: FoundPublication[] = [];
  const unusable: { href: string; send: boolean }[] = [];
  for (const link of page.links) {
    const { type, published, send } = describePublication(link.label);
    const fileId = fileIdOf(link.href);
    if (!fileId) {
      unusable.push({ href: link.href, send });
      continue;
    }
    publications.push({
      fileId,
      url: `${sites.filesBaseUrl}/v1/file/${fileId}`,
      urn: provider.urn,
      laCode: area?.la_code ?? null,
      area: area?.name ?? page.name ?? provider.name ?? provider.urn,
      label: link.label,
      type,
      published,
      send,
    });
  }
  return { publications, unusable };
}
