// fetchNew against a hostile or broken server (127.0.0.1 only): redirects off Ofsted's hosts, loops and schemes,
// bodies cut short with and without a Content-Length, bodies over the size limit, ports that refuse, and a fetch
// killed mid-download whose lock and partial file the next one takes over at once.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fetchNew, type FetchOptions } from '../../src/fetch/index.js';
import { repoRoot, tempDir } from '../helpers.js';
import { deadUrl, FakeOfsted, pdf, type Provider, type Reply, testFetchOptions } from './site.js';

const DERBYSHIRE_PDF = pdf('area_send_80460_derbyshire_14_november_2024.pdf');
const FILE = '/v1/file/50267890';
const DERBYSHIRE: Provider = {
  urn: '80460',
  name: 'Derbyshire County Council',
  publications: [{ fileId: '50267890', type: 'Area SEND full inspection', published: '14 November 2024' }],
};

let site: FakeOfsted;
let other: FakeOfsted;
let dir: string;

beforeEach(async () => {
  site = await FakeOfsted.start();
  other = await FakeOfsted.start();
  dir = tempDir('findings-fetch-faults-');
});
afterEach(async () => {
  await site.close();
  await other.close();
});

const options = (extra: Partial<FetchOptions> = {}): FetchOptions => testFetchOptions(dir, site, extra);

const corpusFiles = () => readdirSync(join(dir, 'corpus')).sort();
const redirect = (location: string): Reply => ({ status: 302, body: '', headers: { location } });
/** Serve Derbyshire's page, its PDF answered by `replies`, and fetch once. */
async function fetchWith(...replies: Reply[]) {
  site.serve([DERBYSHIRE]).on(FILE, ...replies);
  return fetchNew(options());
}

describe('fetch redirects', () => {
  it('follows a redirect within the same host', async () => {
    site.on('/moved/report.pdf', { body: DERBYSHIRE_PDF });
    const summary = await fetchWith(redirect('/moved/report.pdf'));
    expect(summary.failed).toEqual([]);
    expect(summary.downloaded).toHaveLength(1);
  });

  it('refuses a redirect to a host that is not Ofsted, naming the target, and never asks it', async () => {
    other.on('/evil.pdf', { body: DERBYSHIRE_PDF });
    const target = `${other.url}/evil.pdf`;
    const summary = await fetchWith(redirect(target));
    expect(summary.downloaded).toEqual([]);
    expect(summary.failed).toEqual([
      {
        url: `${site.url}${FILE}`,
        reason: expect.stringMatching(new RegExp(`^redirect from ${site.url}${FILE} to ${target} refused: ${new URL(other.url).host} is not one of Ofsted's hosts \\(`)),
      },
    ]);
    expect(other.requests).toEqual([]);
    expect(site.hits(FILE)).toBe(1);
  });

  it('refuses a redirect to file://', async () => {
    const summary = await fetchWith(redirect('file:///etc/passwd'));
    expect(summary.failed.map((f) => f.reason)).toEqual([`redirect from ${site.url}${FILE} to file:///etc/passwd refused: file: is not http(s)`]);
  });

  it('names a redirect loop', async () => {
    site.on('/a', redirect('/b')).on('/b', redirect('/a'));
    const summary = await fetchWith(redirect('/a'));
    expect(summary.failed.map((f) => f.reason)).toEqual([`redirect from ${site.url}/b to ${site.url}/a refused: redirect loop`]);
  });

  it('follows at most 5 redirects', async () => {
    for (let i = 1; i <= 6; i++) site.on(`/hop${i}`, redirect(`/hop${i + 1}`));
    site.on('/hop7', { body: DERBYSHIRE_PDF });
    const summary = await fetchWith(redirect('/hop1'));
    expect(summary.failed.map((f) => f.reason)).toEqual([`redirect from ${site.url}/hop5 to ${site.url}/hop6 refused: more than 5 redirects`]);

    site.on(FILE, redirect('/hop3'));
    const shorter = await fetchNew(options());
    expect(shorter.failed).toEqual([]);
    expect(shorter.downloaded).toHaveLength(1);
  });
});

describe('fetch failures say what happened', () => {
  it('a refused port', async () => {
    site.serve([DERBYSHIRE]);
    const summary = await fetchNew(options({ filesBaseUrl: await deadUrl() }));
    expect(summary.failed.map((f) => f.reason)).toEqual(['network error: connection refused (ECONNREFUSED)']);
  });

  it('a port fetch will not connect to', async () => {
    site.serve([DERBYSHIRE]);
    const summary = await fetchNew(options({ filesBaseUrl: 'http://127.0.0.1:6000' }));
    expect(summary.failed.map((f) => f.reason)).toEqual(['request failed: bad port']);
  });
});

describe('fetch of a body cut short', () => {
  it('retries a body cut without a Content-Length (it looks like a normal end) and keeps the whole one', async () => {
    const summary = await fetchWith({ drop: DERBYSHIRE_PDF, bytes: 40_000, length: false }, { body: DERBYSHIRE_PDF });
    expect(summary.failed).toEqual([]);
    expect(site.hits(FILE)).toBe(2);
    expect(corpusFiles()).toEqual(['area_send_80460_derbyshire_14_november_2024_50267890.pdf']);
  });

  it('retries a body cut short of its Content-Length and keeps the whole one', async () => {
    const summary = await fetchWith({ drop: DERBYSHIRE_PDF, bytes: 40_000 }, { body: DERBYSHIRE_PDF });
    expect(summary.failed).toEqual([]);
    expect(site.hits(FILE)).toBe(2);
  });

  it('gives up after the retries, saying the body was truncated, and keeps nothing', async () => {
    const summary = await fetchWith({ drop: DERBYSHIRE_PDF, bytes: 40_000, length: false });
    expect(summary.failed.map((f) => f.reason)).toEqual(['truncated PDF (40000 bytes, no %%EOF at the end) after 3 attempts']);
    expect(corpusFiles()).toEqual([]);
  });
});

describe('fetch size limit', () => {
  it('refuses a body whose Content-Length is over the limit, without reading it', async () => {
    site.serve([DERBYSHIRE]).on(FILE, { body: DERBYSHIRE_PDF, headers: { 'content-length': String(DERBYSHIRE_PDF.length) } });
    const summary = await fetchNew(options({ maxBytes: 100_000 }));
    expect(summary.failed.map((f) => f.reason)).toEqual([`larger than the 100000 bytes download limit (Content-Length ${DERBYSHIRE_PDF.length} bytes)`]);
    expect(site.hits(FILE)).toBe(1);
    expect(corpusFiles()).toEqual([]);
  });

  it('stops a body without a Content-Length once it passes the limit, and keeps nothing', async () => {
    site.serve([DERBYSHIRE]).on(FILE, { drop: DERBYSHIRE_PDF, bytes: DERBYSHIRE_PDF.length, length: false });
    const summary = await fetchNew(options({ maxBytes: 100_000 }));
    expect(summary.failed.map((f) => f.reason)).toEqual(['larger than the 100000 bytes download limit (the body ran past it)']);
    expect(corpusFiles()).toEqual([]);
  });

  it('defaults to 100 MB', async () => {
    site.serve([DERBYSHIRE]).on(FILE, { body: DERBYSHIRE_PDF, headers: { 'content-length': String(200 * 2 ** 20) } });
    const summary = await fetchNew(options());
    expect(summary.failed.map((f) => f.reason)).toEqual([`larger than the 100 MB download limit (Content-Length ${200 * 2 ** 20} bytes)`]);
  });
});

describe('a fetch killed mid-download', () => {
  it('leaves a lock the next fetch takes over at once, and a partial file it removes', async () => {
    site.serve([DERBYSHIRE]).on(FILE, { stall: DERBYSHIRE_PDF, bytes: 100_000 }, { body: DERBYSHIRE_PDF });
    const script = `
      const { fetchNew } = await import(${JSON.stringify(join(repoRoot, 'dist', 'fetch', 'index.js'))});
      await fetchNew(${JSON.stringify(options({ timeoutMs: 60_000 }))});`;
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: 'ignore' });
    const exited = new Promise((resolve) => child.on('exit', resolve));
    const partial = () => existsSync(join(dir, 'corpus')) && corpusFiles().some((f) => f.endsWith('.fetch.part'));
    for (let waited = 0; !partial(); waited += 50) {
      if (waited > 20_000) throw new Error('the child fetch never started its download');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    child.kill('SIGKILL');
    await exited;

    const lines: string[] = [];
    const started = performance.now();
    const summary = await fetchNew({ ...options(), log: (line) => lines.push(line) });
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(lines).toContain('removed 1 partial download(s) left by an interrupted run');
    expect(summary.failed).toEqual([]);
    expect(corpusFiles()).toEqual(['area_send_80460_derbyshire_14_november_2024_50267890.pdf']);
  });
});
