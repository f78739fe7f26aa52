// fetchNew's options, checked at the edge with errors a person can act on, and the defaults that make it polite.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { packageRoot } from '../pipeline/root.js';
import { FetchOptionsError } from './errors.js';

const version: string = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')).version;

/** Placeholder: point it at the project's home or an inbox before running at scale, so Ofsted can reach whoever runs it. */
const CONTACT_URL = 'https://example.org/findings/contact';
export const USER_AGENT = `findings/${version} (area SEND reports research tool; +${CONTACT_URL})`;

const baseUrl = z
  .url({ protocol: /^https?$/, error: 'must be an http(s) URL, like https://reports.ofsted.gov.uk' })
  .transform((url) => url.replace(/\/+$/, ''));

/** Ofsted's own hosts: the only places a redirect may lead, besides the two base URLs' hosts. */
const OFSTED_HOSTS = ['reports.ofsted.gov.uk', 'files.ofsted.gov.uk'];

const FetchOptionsSchema = z.object({
  /** Folder the PDFs are written to. */
  corpus: z.string().min(1).default('corpus'),
  /** SQLite file recording every publication seen. */
  state: z.string().min(1).default('out/state.db'),
  baseUrl: baseUrl.default('https://reports.ofsted.gov.uk'),
  /** Where report PDFs are served from; file ids found on provider pages are fetched as <filesBaseUrl>/v1/file/<id>. */
  filesBaseUrl: baseUrl.default('https://files.ofsted.gov.uk'),
  concurrency: z.number().int().min(1).max(6).default(2),
  delayMs: z.number().int().min(0).default(500),
  timeoutMs: z.number().int().positive().default(60_000),
  retries: z.number().int().min(0).max(10).default(4),
  backoffMs: z.number().int().min(0).default(1_000),
  maxRetryAfterMs: z.number().int().min(0).default(120_000),
  userAgent: z.string().min(1).default(USER_AGENT),
  /** A download larger than this fails (and nothing of it is kept): real reports are a few MB. */
  maxBytes: z.number().int().positive().default(100 * 2 ** 20),
  maxRedirects: z.number().int().min(0).max(20).default(5),
  /** Only these areas (LA codes, GSS codes, URNs or names), read straight from their provider pages; else the listing. */
  areas: z.array(z.string().min(1)).min(1).optional(),
  /** Download at most this many new reports, newest first; the rest wait for the next run. */
  max: z.number().int().positive().optional(),
});

export type FetchOptions = z.input<typeof FetchOptionsSchema> & {
  /** Progress lines (one per download or failure); the CLI prints them on stderr. */
  log?: (line: string) => void;
};
export type ResolvedFetchOptions = z.output<typeof FetchOptionsSchema> & {
  /** Where redirects may lead: Ofsted's hosts and the hosts of the two base URLs. */
  allowedHosts: string[];
};

export function resolveOptions(options: FetchOptions): ResolvedFetchOptions {
  // zod drops keys it does not know, such as `log`.
  const parsed = FetchOptionsSchema.safeParse(options);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new FetchOptionsError(problems.join('; '));
  }
  const { baseUrl, filesBaseUrl } = parsed.data;
  const allowedHosts = [...new Set([new URL(baseUrl).host, new URL(filesBaseUrl).host, ...OFSTED_HOSTS])];
  return { ...parsed.data, allowedHosts };
}
