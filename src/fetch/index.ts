// Fetch new area SEND reports from Ofsted into the corpus: discover provider pages, read their publication links,
// download the area SEND PDFs not downloaded before, and record everything seen in the state database.
import { mkdir } from 'node:fs/promises';
import { areaOfUrn, resolveAreas, type ProviderRef } from './areas.js';
import { listingUrl, listProviders, providerUrl, readProvider, type FoundPublication } from './discover.js';
import { FetchError, isUnreachable, NetworkUnavailableError } from './errors.js';
import { PoliteHttp } from './http.js';
import { corpusFileName } from './names.js';
import { resolveOptions, type FetchOptions, type ResolvedFetchOptions } from './options.js';
import { withLock } from '../pipeline/lock.js';
import { removeStaleTemps, savePdf } from './save.js';
import { FetchState } from './state.js';

export { FetchOptionsError, NetworkUnavailableError } from './errors.js';
export { USER_AGENT, type FetchOptions } from './options.js';

export interface DownloadedReport {
  fileId: string;
  /** Where the PDF now is: <corpus>/<file name>. */
  path: string;
  urn: string;
  laCode: string | null;
  type: string;
  published: string | null;
}

export interface FetchFailure {
  url: string;
  reason: string;
}

export interface FetchSummary {
  /** Provider pages read. */
  providers: number;
  /** Area SEND publications found on them, new or not. */
  discovered: number;
  downloaded: DownloadedReport[];
  /** Area SEND publications downloaded by an earlier run. */
  unchanged: number;
  /** New ones left for the next run by `max`. */
  deferred: number;
  /** Publications of other types (children's services inspections, focused visits, ...), recorded and skipped. */
  skipped: number;
  failed: FetchFailure[];
}

type Log = (line: string) => void;

/** What every step of one run shares. */
interface Run {
  http: PoliteHttp;
  opts: ResolvedFetchOptions;
  state: FetchState;
  summary: FetchSummary;
  log: Log;
}

function fail(run: Run, error: unknown, url: string): FetchFailure {
  const failure =
    error instanceof FetchError
      ? { url: error.url, reason: error.reason }
      : { url, reason: error instanceof Error ? error.message : String(error) };
  run.summary.failed.push(failure);
  run.log(`failed ${failure.url}: ${failure.reason}`);
  return failure;
}

/** When nothing at all could be reached, say so once rather than report every page as failed. */
function unavailable(error: unknown, http: PoliteHttp): NetworkUnavailableError | null {
  return isUnreachable(error) && !http.reached ? new NetworkUnavailableError(error.url, error.code) : null;
}

/**
 * Download the area SEND reports published since the last run. Throws NetworkUnavailableError when the site cannot be
 * reached at all, FetchOptionsError for bad options or an unknown `areas` code, and an Error for a state database it
 * cannot open or lock. Everything else that goes wrong is reported per URL in `failed` while the rest carries on.
 */
export async function fetchNew(options: FetchOptions = {}): Promise<FetchSummary> {
  const opts = resolveOptions(options);
  // Resolve named areas before touching disk or network, so a typo costs nothing.
  const targets = opts.areas ? resolveAreas(opts.areas) : null;
  const log: Log = options.log ?? (() => undefined);

  await mkdir(opts.corpus, { recursive: true });
  const busy = (lockPath: string) => `another fetch is already running with state ${opts.state} (lock ${lockPath})`;
  return withLock(`${opts.state}.lock`, busy, async () => {
    const state = FetchState.open(opts.state, log);
    try {
      const stale = await removeStaleTemps(opts.corpus);
      if (stale > 0) log(`removed ${stale} partial download(s) left by an interrupted run`);
      const summary: FetchSummary = { providers: 0, discovered: 0, downloaded: [], unchanged: 0, deferred: 0, skipped: 0, failed: [] };
      const run: Run = { http: new PoliteHttp(opts), opts, state, summary, log };
      const found = await discover(run, targets ?? (await listAll(run)));

      const others = found.filter((p) => !p.send);
      state.markSkipped(others, new Date());
      summary.skipped = others.length;

      const send = found.filter((p) => p.send);
      summary.discovered = send.length;
      const fresh = send.filter((p) => state.status(p.fileId) !== 'downloaded');
      summary.unchanged = send.length - fresh.length;
      // Newest first, so a capped run (nightly with --max) gets what is most likely to be news.
      fresh.sort((a, b) => (b.published ?? '').localeCompare(a.published ?? ''));
      const chosen = opts.max === undefined ? fresh : fresh.slice(0, opts.max);
      summary.deferred = fresh.length - chosen.length;

      await Promise.all(chosen.map((publication) => download(run, publication)));
      return summary;
    } finally {
      state.close();
    }
  });
}

/** The providers on the search listing; none (with the failure recorded) if its first page cannot be had. */
async function listAll(run: Run): Promise<ProviderRef[]> {
  const { baseUrl } = run.opts;
  try {
    return await listProviders(run.http, baseUrl, (error) => fail(run, error, baseUrl));
  } catch (error) {
    const offline = unavailable(error, run.http);
    if (offline) throw offline;
    fail(run, error, listingUrl(baseUrl, 0));
    return [];
  }
}

/** Every publication on the providers' pages, once each (a file id is unique per file). */
async function discover(run: Run, providers: ProviderRef[]): Promise<FoundPublication[]> {
  const found = new Map<string, FoundPublication>();
  // Held back until we know whether the site answered anything: either "no network" once, or ordinary failures.
  const unreachable: unknown[] = [];
  const read = async (provider: ProviderRef) => {
    const url = providerUrl(run.opts.baseUrl, provider.urn);
    try {
      const { publications, unusable } = await readProvider(run.http, provider, areaOfUrn(provider.urn), run.opts);
      run.summary.providers++;
      for (const publication of publications) found.set(publication.fileId, publication);
      for (const link of unusable.filter((l) => l.send)) {
        fail(run, new FetchError(link.href, `area SEND link on ${url} has no Ofsted file id`), url);
      }
    } catch (error) {
      if (isUnreachable(error)) unreachable.push(error);
      else fail(run, error, url);
    }
  };
  // The first page alone: if the site is unreachable, that is all we ask of it.
  const [first, ...rest] = providers;
  if (first) await read(first);
  if (unreachable.length === 0 || run.http.reached) await Promise.all(rest.map(read));
  const offline = unavailable(unreachable[0], run.http);
  if (offline) throw offline;
  for (const error of unreachable) fail(run, error, run.opts.baseUrl);
  return [...found.values()];
}

async function download(run: Run, publication: FoundPublication): Promise<void> {
  const name = corpusFileName(publication);
  try {
    const saved = await run.http.request(publication.url, (response) => savePdf(response, run.opts.corpus, name, run.opts.maxBytes), 'application/pdf');
    run.state.markDownloaded(publication, name, saved.sha256, new Date());
    const { fileId, urn, laCode, type, published } = publication;
    run.summary.downloaded.push({ fileId, path: saved.path, urn, laCode, type, published });
    run.log(`downloaded ${name} (${publication.label})`);
  } catch (error) {
    const failure = fail(run, error, publication.url);
    run.state.markFailed(publication, failure.reason, new Date());
  }
}
