// Reading Ofsted's HTML: the local-authority search listing (links to provider pages) and a provider page (links to
// published reports). Selectors follow what public scrapers of the site rely on: `/provider/44/<URN>` hrefs on the
// listing, `a.publication-link` with a `span.nonvisual` label on a provider page.
import { parseHTML } from 'linkedom';

/** Ofsted's provider type for local authority children's services, under which area SEND reports are filed. */
export const LA_PROVIDER_TYPE = '44';

export interface ProviderLink {
  urn: string;
  /** The name the listing shows, e.g. "Derbyshire County Council"; null if the link had no text. */
  name: string | null;
}

export interface PublicationLink {
  href: string;
  /** The accessible label, e.g. "Area SEND full inspection, PDF - 15 July 2024" (the visible text if there is none). */
  label: string;
}

export interface ProviderPage {
  /** The page heading, e.g. "Derbyshire County Council". */
  name: string | null;
  links: PublicationLink[];
}

const clean = (text: string | null | undefined): string => (text ?? '').replace(/\s+/g, ' ').trim();

const PROVIDER_HREF = new RegExp(`/provider/${LA_PROVIDER_TYPE}/(\\d+)(?:[/?#]|$)`);

/** Provider links on a search results page, once each, in page order. */
export function parseListing(html: string): ProviderLink[] {
  const { document } = parseHTML(html);
  const byUrn = new Map<string, ProviderLink>();
  for (const anchor of document.querySelectorAll('a[href]')) {
    const urn = PROVIDER_HREF.exec(anchor.getAttribute('href') ?? '')?.[1];
    if (!urn) continue;
    const name = clean(anchor.textContent) || null;
    const known = byUrn.get(urn);
    if (!known) byUrn.set(urn, { urn, name });
    else if (!known.name && name) known.name = name;
  }
  return [...byUrn.values()];
}

export function parseProviderPage(html: string): ProviderPage {
  const { document } = parseHTML(html);
  const heading = document.querySelector('h1.heading--title') ?? document.querySelector('h1');
  const links: PublicationLink[] = [];
  for (const anchor of document.querySelectorAll('a.publication-link')) {
    const href = anchor.getAttribute('href');
    if (!href) continue;
    const label = clean(anchor.querySelector('span.nonvisual')?.textContent) || clean(anchor.textContent);
    links.push({ href, label });
  }
  return { name: clean(heading?.textContent) || null, links };
}
