import { describe, expect, it } from 'vitest';
import { parseListing, parseProviderPage } from '../../src/fetch/pages.js';
import { listingPage, providerPage } from './site.js';

describe('parseListing', () => {
  it('finds each local authority provider once, with its name, and ignores site links', () => {
    const html = listingPage([
      { urn: '80460', name: 'Derbyshire County Council', publications: [] },
      { urn: '2532283', name: 'Dorset Council', publications: [] },
    ]).replace('</ul>', '<li><a href="/provider/44/80460#reports">see reports</a></li><li><a href="/provider/21/123456">A school</a></li></ul>');
    expect(parseListing(html)).toEqual([
      { urn: '80460', name: 'Derbyshire County Council' },
      { urn: '2532283', name: 'Dorset Council' },
    ]);
  });

  it('finds nobody on an empty results page', () => {
    expect(parseListing(listingPage([]))).toEqual([]);
    expect(parseListing('<html><body><p>No results</p></body></html>')).toEqual([]);
  });
});

describe('parseProviderPage', () => {
  it('reads the heading and each publication link with its accessible label', () => {
    const html = providerPage({
      urn: '80570',
      name: 'Telford & Wrekin Council',
      publications: [
        { fileId: '50220001', type: 'Area SEND full inspection', published: '03 July 2023' },
        { fileId: '50100002', type: "Children's services inspection", published: '9 May 2022' },
      ],
    });
    expect(parseProviderPage(html)).toEqual({
      name: 'Telford & Wrekin Council',
      links: [
        { href: 'https://files.ofsted.gov.uk/v1/file/50220001', label: 'Area SEND full inspection, PDF - 03 July 2023' },
        { href: 'https://files.ofsted.gov.uk/v1/file/50100002', label: "Children's services inspection, PDF - 9 May 2022" },
      ],
    });
  });

  it('falls back to the visible text when a link has no hidden label', () => {
    const html = '<h1>Somewhere</h1><a class="publication-link" href="/v1/file/7">  Area SEND\n full inspection  </a><a class="publication-link">no href</a>';
    expect(parseProviderPage(html)).toEqual({ name: 'Somewhere', links: [{ href: '/v1/file/7', label: 'Area SEND full inspection' }] });
  });
});
