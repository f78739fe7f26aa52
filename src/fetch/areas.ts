// Which provider pages to read when the user names areas (`--areas`), and which area a provider page belongs to,
// both answered by the gazetteer.
import { allAreas, resolveArea } from '../gazetteer/index.js';
import type { Area } from '../records.js';
import { FetchOptionsError } from './errors.js';

/** An area's Ofsted provider page, keyed by URN. */
export interface ProviderRef {
  urn: string;
  /** The area's name as we know it (gazetteer or listing), used when the page has no heading. */
  name: string | null;
}

const byUrn = new Map(allAreas().flatMap((area) => (area.urn ? [[area.urn, area] as const] : [])));

/** The current local authority with this Ofsted URN, if the gazetteer knows it. */
export function areaOfUrn(urn: string): Area | undefined {
  return byUrn.get(urn);
}

/**
 * The provider pages for the areas named by `codes`: each a DfE LA code ("830"), a GSS code ("E10000007"), an Ofsted
 * URN ("80460") or an area name ("Derbyshire"). Throws naming every code that matches no area, or an area that has no
 * Ofsted provider page, so a typo is caught before any request is made.
 */
export function resolveAreas(codes: string[]): ProviderRef[] {
  const refs = new Map<string, ProviderRef>();
  const unknown: string[] = [];
  const noUrn: string[] = [];
  for (const code of codes) {
    const area = byUrn.get(code.trim()) ?? resolveArea(code);
    if (!area) unknown.push(code);
    else if (!area.urn) noUrn.push(`${code} (${area.name})`);
    else refs.set(area.urn, { urn: area.urn, name: area.name });
  }
  const problems = [
    unknown.length
      ? `no area has the code ${unknown.join(', ')} (use a DfE LA code like 830, a GSS code like E10000007, an Ofsted URN or an area name)`
      : '',
    noUrn.length ? `no Ofsted provider page is known for ${noUrn.join(', ')}` : '',
  ].filter(Boolean);
  if (problems.length) throw new FetchOptionsError(`areas: ${problems.join('; ')}`);
  return [...refs.values()];
}
