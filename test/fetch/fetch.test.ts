// fetchNew against a local stand-in for Ofsted (127.0.0.1 only): fixture pages in the site's markup, real PDFs.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fetchNew, FetchOptionsError, NetworkUnavailableError, type FetchOptions } from '../../src/fetch/index.js';
import { FetchState } from '../../src/fetch/state.js';
import { tempDir } from '../helpers.js';
import { deadUrl, FakeOfsted, listingPage, listingPath, pdf, type Provider, testFetchOptions } from './site.js';

const DERBYSHIRE_PDF = pdf('area_send_80460_derbyshire_14_november_2024.pdf');
const HALTON_PDF = pdf('area_send_80471_halton_26_january_2024.pdf');
const SUFFOLK_PDF = pdf('area_send_80565_suffolk_30_january_2024.pdf');
const OLD_LETTER_PDF = pdf('area_send_80534_nottinghamshire_16_may_2023.pdf');

function providers(): Provider[] {
  return [
    {
      urn: '80460',
      name: 'Derbyshire County Council',
      publications: [
        { fileId: '50267890', type: 'Area SEND full inspection', published: '14 November 2024' },
        { fileId: '50111111', type: "Children's services inspection", published: '1 March 2023' },
        { fileId: '50122222', type: "Children's services focused visit", published: '7 November 2023' },
      ],
    },
    {
      urn: '80471',
      name: 'Halton Borough Council',
      publications: [
        { fileId: '50240001', type: 'Area SEND full inspection', published: '26 January 2024' },
        { fileId: '50001234', type: 'Local area SEND inspection', published: '12 March 2018' },
        { fileId: '50133333', type: 'Joint area child protection inspection', published: '30 January 2024' },
      ],
    },
    {
      urn: '80565',
      name: 'Suffolk County Council',
      publications: [
        { fileId: '50240002', type: 'Area SEND full inspection', published: '30 January 2024' },
        { fileId: '50144444', type: "Children's services inspection", published: '2 February 2022' },
      ],
    },
  ];
}

const files = () => ({
  '50267890': { body: DERBYSHIRE_PDF },
  '50240001': { body: HALTON_PDF },
  '50001234': { body: OLD_LETTER_PDF },
  '50240002': { body: SUFFOLK_PDF },
});

const SEND_IDS = ['50001234', '50240001', '50240002', '50267890'];
const OTHER_IDS = ['50111111', '50122222', '50133333', '50144444'];

let site: FakeOfsted;
let dir: string;

beforeEach(async () => {
  site = await FakeOfsted.start();
  dir = tempDir('findings-fetch-');
});
afterEach(() => site.close());

const options = (extra: Partial<FetchOptions> = {}): FetchOptions => testFetchOptions(dir, site, extra);

const corpusFiles = () => readdirSync(join(dir, 'corpus')).sort();
const stateRows = () => {
  const state = FetchState.open(join(dir, 'out', 'state.db'));
  try {
    return state.rows();
  } finally {
    state.close();
  }
};

describe('fetchNew', () => {
  it('downloads every area SEND report linked from the listed provider pages, and nothing else', async () => {
    site.serve(providers(), files());
    const summary = await fetchNew(options());

    expect(summary.failed).toEqual([]);
    expect(summary.providers).toBe(3);
    expect(summary.discovered).toBe(4);
    expect(summary.skipped).toBe(OTHER_IDS.length);
    expect(summary.downloaded.map((d) => d.fileId).sort()).toEqual(SEND_IDS);
    expect(corpusFiles()).toEqual([
      'area_send_80460_derbyshire_14_november_2024_50267890.pdf',
      'area_send_80471_halton_12_march_2018_50001234.pdf',
      'area_send_80471_halton_26_january_2024_50240001.pdf',
      'area_send_80565_suffolk_30_january_2024_50240002.pdf',
    ]);
    const derbyshire = summary.downloaded.find((d) => d.fileId === '50267890')!;
    expect(derbyshire).toMatchObject({ urn: '80460', laCode: '830', type: 'Area SEND full inspection', published: '2024-11-14' });
    expect(readFileSync(derbyshire.path).equals(DERBYSHIRE_PDF)).toBe(true);

    // Other report types are never downloaded, and every request names the tool.
    for (const id of OTHER_IDS) expect(site.hits(`/v1/file/${id}`)).toBe(0);
    expect(site.requests.every((r) => /^findings\/\d+\.\d+\.\d+ \(.*\+https?:\/\//.test(r.userAgent ?? ''))).toBe(true);

    const rows = stateRows();
    expect(rows.filter((r) => r.status === 'downloaded').map((r) => r.file_id).sort()).toEqual(SEND_IDS);
    expect(rows.filter((r) => r.status === 'skipped-type').map((r) => r.file_id).sort()).toEqual(OTHER_IDS);
    expect(rows.find((r) => r.file_id === '50267890')).toMatchObject({
      urn: '80460',
      la_code: '830',
      area: 'Derbyshire',
      type: 'Area SEND full inspection',
      label: 'Area SEND full inspection, PDF - 14 November 2024',
      published: '2024-11-14',
      file: 'area_send_80460_derbyshire_14_november_2024_50267890.pdf',
      reason: null,
      attempts: 1,
    });
  });

  it('follows the listing page by page, and stops when a page brings nobody new', async () => {
    const all = providers();
    site.serve(all, files());
    site.on(listingPath(0), { body: listingPage(all.slice(0, 2)) });
    site.on(listingPath(100), { body: listingPage(all.slice(2)) });
    site.on(listingPath(200), { body: listingPage(all.slice(1)) }); // a site that repeats itself
    const summary = await fetchNew(options());

    expect(summary.providers).toBe(3);
    expect(summary.downloaded).toHaveLength(4);
    expect(site.hits(listingPath(300))).toBe(0);
  });

  it('downloads nothing the second time', async () => {
    site.serve(providers(), files());
    await fetchNew(options());
    const second = await fetchNew(options());

    expect(second.downloaded).toEqual([]);
    expect(second.unchanged).toBe(4);
    expect(second.failed).toEqual([]);
    for (const id of SEND_IDS) expect(site.hits(`/v1/file/${id}`)).toBe(1);
  });

  it('fetches only the publication added to a page since the last run', async () => {
    site.serve(providers(), files());
    await fetchNew(options());

    const updated = providers();
    updated[0]!.publications.unshift({ fileId: '50299999', type: 'Area SEND full inspection', published: '3 March 2025' });
    site.serve(updated, { ...files(), '50299999': { body: DERBYSHIRE_PDF } });
    const second = await fetchNew(options());

    expect(second.downloaded.map((d) => d.fileId)).toEqual(['50299999']);
    expect(second.downloaded[0]!.path).toBe(join(dir, 'corpus', 'area_send_80460_derbyshire_03_march_2025_50299999.pdf'));
    expect(second.unchanged).toBe(4);
  });

  it('retries a 503 and succeeds when the server recovers', async () => {
    site.serve(providers(), files());
    const busy = { status: 503, body: 'busy', headers: { 'retry-after': '0' } };
    site.on('/v1/file/50267890', busy, busy, { body: DERBYSHIRE_PDF });
    const summary = await fetchNew(options());

    expect(summary.failed).toEqual([]);
    expect(summary.downloaded.map((d) => d.fileId)).toContain('50267890');
    expect(site.hits('/v1/file/50267890')).toBe(3);
  });

  it('gives up at once when Retry-After asks for longer than it will wait', async () => {
    site.serve(providers(), files());
    site.on('/v1/file/50267890', { status: 429, body: 'slow down', headers: { 'retry-after': '3600' } });
    const summary = await fetchNew(options());

    expect(summary.failed).toEqual([
      { url: `${site.url}/v1/file/50267890`, reason: 'HTTP 429 (server asked to retry after 3600s)' },
    ]);
    expect(site.hits('/v1/file/50267890')).toBe(1);
  });

  it('records a 404 as failed with its URL, carries on, and tries it again next run', async () => {
    const { '50240002': _missing, ...rest } = files();
    site.serve(providers(), rest);
    const summary = await fetchNew(options());

    expect(summary.failed).toEqual([{ url: `${site.url}/v1/file/50240002`, reason: 'HTTP 404' }]);
    expect(summary.downloaded).toHaveLength(3);
    expect(stateRows().find((r) => r.file_id === '50240002')).toMatchObject({ status: 'failed', reason: 'HTTP 404', file: null });

    site.on('/v1/file/50240002', { body: SUFFOLK_PDF });
    const second = await fetchNew(options());
    expect(second.downloaded.map((d) => d.fileId)).toEqual(['50240002']);
    expect(stateRows().find((r) => r.file_id === '50240002')).toMatchObject({ status: 'downloaded', reason: null, attempts: 2 });
  });

  it('rejects a body that is not a PDF and writes nothing', async () => {
    site.serve(providers(), { ...files(), '50240001': { body: '<!DOCTYPE html><p>Sorry, this file is unavailable</p>' } });
    const summary = await fetchNew(options());

    expect(summary.failed).toHaveLength(1);
    expect(summary.failed[0]!.url).toBe(`${site.url}/v1/file/50240001`);
    expect(summary.failed[0]!.reason).toBe('not a PDF (body starts "<!DOCTYPE html><p>Sorry,", content-type text/html; charset=utf-8)');
    expect(corpusFiles().some((f) => f.includes('50240001'))).toBe(false);
    expect(site.hits('/v1/file/50240001')).toBe(1);
  });

  it('rejects a PDF that ends early even when the HTTP transfer looked complete', async () => {
    site.serve(providers(), { ...files(), '50240001': { body: HALTON_PDF.subarray(0, HALTON_PDF.length >> 1) } });
    const summary = await fetchNew(options());

    expect(summary.failed.map((f) => f.reason)).toEqual([expect.stringMatching(/^truncated PDF/)]);
    expect(corpusFiles().some((f) => f.includes('50240001'))).toBe(false);
  });

  it('leaves no partial file when the connection drops mid-body, and retries it', async () => {
    site.serve(providers(), { ...files(), '50240001': { drop: HALTON_PDF, bytes: 50_000 } });
    const summary = await fetchNew(options());

    expect(summary.failed).toEqual([{ url: `${site.url}/v1/file/50240001`, reason: 'network error: connection dropped (UND_ERR_SOCKET) after 3 attempts' }]);
    expect(site.hits('/v1/file/50240001')).toBe(3);
    // No file, finished or not, and no temp file either.
    expect(corpusFiles()).toHaveLength(3);
    expect(corpusFiles().some((f) => f.includes('50240001'))).toBe(false);
  });

  it('gives up on a server that never answers, after its timeout and retries', async () => {
    site.serve(providers(), { ...files(), '50240001': { hang: true } });
    const summary = await fetchNew(options({ timeoutMs: 200, retries: 1 }));

    expect(summary.failed).toEqual([{ url: `${site.url}/v1/file/50240001`, reason: 'network error: timed out (ETIMEDOUT) after 2 attempts' }]);
    expect(summary.downloaded).toHaveLength(3);
  });

  it('clears temp files a killed run left behind', async () => {
    site.serve(providers(), files());
    await fetchNew(options());
    const leftover = join(dir, 'corpus', '.area_send_80460_derbyshire_14_november_2024_1.pdf.0a1b2c3d.fetch.part');
    writeFileSync(leftover, DERBYSHIRE_PDF.subarray(0, 100));
    await fetchNew(options());
    expect(corpusFiles().filter((f) => f.startsWith('.'))).toEqual([]);
  });

  it('says the network is unavailable when the site cannot be reached at all', async () => {
    const dead = await deadUrl();
    const error = await fetchNew(options({ baseUrl: dead, filesBaseUrl: dead })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkUnavailableError);
    expect((error as NetworkUnavailableError).message).toMatch(/^no network: cannot reach 127\.0\.0\.1:\d+ \(ECONNREFUSED\)/);
    expect(corpusFiles()).toEqual([]);
    expect(stateRows()).toEqual([]);
  });

  it('says so once, too, when reading named areas directly', async () => {
    const dead = await deadUrl();
    const error = await fetchNew(options({ baseUrl: dead, areas: ['830', '876', '935'] })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkUnavailableError);
  });

  it('reads only the provider pages of the areas asked for, by any of their codes', async () => {
    site.serve(providers(), files());
    const summary = await fetchNew(options({ areas: ['830', 'E10000029'] }));

    expect(site.hits(listingPath(0))).toBe(0);
    expect(site.hits('/provider/44/80471')).toBe(0);
    expect(summary.downloaded.map((d) => d.fileId).sort()).toEqual(['50240002', '50267890']);
  });

  it('refuses an unknown area code before making any request', async () => {
    site.serve(providers(), files());
    const error = await fetchNew(options({ areas: ['830', '999', 'Atlantis'] })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FetchOptionsError);
    expect((error as Error).message).toMatch(/no area has the code 999, Atlantis/);
    expect(site.requests).toEqual([]);
  });

  it('with max, takes the newest reports first and leaves the rest for the next run', async () => {
    site.serve(providers(), files());
    const first = await fetchNew(options({ max: 1 }));
    expect(first.downloaded.map((d) => d.fileId)).toEqual(['50267890']);
    expect(first.deferred).toBe(3);

    const second = await fetchNew(options());
    expect(second.downloaded.map((d) => d.fileId).sort()).toEqual(['50001234', '50240001', '50240002']);
  });

  it('records a provider page that fails and reads the others', async () => {
    site.serve(providers(), files());
    site.on('/provider/44/80471', { status: 500, body: 'oops' });
    const summary = await fetchNew(options());

    expect(summary.failed).toEqual([{ url: `${site.url}/provider/44/80471`, reason: 'HTTP 500 after 3 attempts' }]);
    expect(summary.providers).toBe(2);
    expect(summary.downloaded.map((d) => d.fileId).sort()).toEqual(['50240002', '50267890']);
  });

  it('keeps to its concurrency limit', async () => {
    site.serve(providers(), files());
    await fetchNew(options({ concurrency: 2 }));
    expect(site.maxInFlight).toBeLessThanOrEqual(2);

    const again = await FakeOfsted.start();
    try {
      again.serve(providers(), files());
      dir = tempDir('findings-fetch-');
      await fetchNew({ ...options({ concurrency: 1 }), baseUrl: again.url, filesBaseUrl: again.url });
      expect(again.maxInFlight).toBe(1);
      expect(again.requests.length).toBeGreaterThan(5);
    } finally {
      await again.close();
    }
  });

  it('refuses to run while another fetch holds the same state', async () => {
    site.serve(providers(), files());
    const [a, b] = await Promise.allSettled([fetchNew(options()), fetchNew(options())]);
    const refused = [a, b].filter((r) => r.status === 'rejected');
    expect(refused).toHaveLength(1);
    expect(String((refused[0] as PromiseRejectedResult).reason)).toMatch(/another fetch is already running with state/);
    expect(corpusFiles()).toHaveLength(4);
  });

  it('refuses options that cannot work, naming them', async () => {
    await expect(fetchNew(options({ baseUrl: 'reports.ofsted.gov.uk', concurrency: 0 }))).rejects.toThrow(
      /baseUrl: must be an http\(s\) URL.*concurrency: /,
    );
  });
});
