// Corpus file names for fetched reports:
//
//   area_send_<urn>_<area-slug>_<dd>_<month>_<yyyy>_<fileid>.pdf
//   e.g. area_send_80460_derbyshire_14_november_2024_50267890.pdf
//
// The same shape as the shared corpus (URN, area, publication date) so a person can sort and read a folder of them,
// plus Ofsted's file id: it is unique per file, so two reports published the same day for one area (a report and its
// amended version) never overwrite each other. "undated" stands in for a publication date the page did not give.
import { MONTHS } from './publications.js';

// Council designations add nothing to a slug: "Derbyshire County Council" and "Derbyshire" are the same area.
const LEADING = /^(?:the\s+)?(?:london\s+borough\s+of|royal\s+borough\s+of|metropolitan\s+borough\s+of|borough\s+of|city\s+of|county\s+of|council\s+of\s+the)\s+/i;
const TRAILING = /\s+(?:metropolitan\s+)?(?:borough\s+|district\s+|county\s+|city\s+)?council$|,\s*(?:city|county)\s+of$/i;

/** "Derbyshire County Council" → "derbyshire"; "Telford & Wrekin" → "telford_and_wrekin". */
export function areaSlug(name: string): string {
  const bare = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\(.*?\)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(LEADING, '')
    .replace(TRAILING, '');
  const slug = bare
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return slug || 'area';
}

/** "2024-11-14" → "14_november_2024". */
function dateSlug(iso: string | null): string {
  const match = iso ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) : null;
  if (!match) return 'undated';
  const [, year, month, day] = match;
  return `${day}_${MONTHS[Number(month) - 1]}_${year}`;
}

export function corpusFileName(report: { urn: string; area: string; published: string | null; fileId: string }): string {
  return `area_send_${report.urn}_${areaSlug(report.area)}_${dateSlug(report.published)}_${report.fileId}.pdf`;
}
