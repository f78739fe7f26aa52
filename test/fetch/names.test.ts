import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { areaSlug, corpusFileName } from '../../src/fetch/names.js';
import { reportsDir } from '../helpers.js';

describe('corpusFileName', () => {
  it('names a report by URN, area, publication date and file id', () => {
    expect(corpusFileName({ urn: '80460', area: 'Derbyshire', published: '2024-11-14', fileId: '50267890' })).toBe(
      'area_send_80460_derbyshire_14_november_2024_50267890.pdf',
    );
    expect(corpusFileName({ urn: '80460', area: 'Derbyshire', published: null, fileId: '1' })).toBe('area_send_80460_derbyshire_undated_1.pdf');
  });

  it('matches the shared corpus names, plus the file id', () => {
    const named = readdirSync(reportsDir)
      .map((f) => /^area_send_(\d+)_([a-z_]+?)_(\d{2})_([a-z]+)_(\d{4})\.pdf$/.exec(f))
      .filter((m): m is RegExpExecArray => m !== null);
    expect(named.length).toBeGreaterThan(10);
    const months = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
    for (const [file, urn, slug, day, month, year] of named) {
      const published = `${year}-${String(months.indexOf(month!) + 1).padStart(2, '0')}-${day}`;
      const area = slug!.replace(/_/g, ' ');
      expect(corpusFileName({ urn: urn!, area, published, fileId: 'ID' })).toBe(file.replace(/\.pdf$/, '_ID.pdf'));
    }
  });
});

describe('areaSlug', () => {
  it('drops council designations and keeps the place', () => {
    expect(areaSlug('Derbyshire County Council')).toBe('derbyshire');
    expect(areaSlug('London Borough of Barking and Dagenham')).toBe('barking_and_dagenham');
    expect(areaSlug('Royal Borough of Greenwich')).toBe('greenwich');
    expect(areaSlug('Halton Borough Council')).toBe('halton');
    expect(areaSlug('Sandwell Metropolitan Borough Council')).toBe('sandwell');
    expect(areaSlug('Telford & Wrekin Council')).toBe('telford_and_wrekin');
    expect(areaSlug('St. Helens')).toBe('st_helens');
    expect(areaSlug('Southend-on-Sea City Council')).toBe('southend_on_sea');
    expect(areaSlug('Bristol, City of')).toBe('bristol');
    expect(areaSlug('Kingston upon Hull, City of')).toBe('kingston_upon_hull');
    expect(areaSlug('!!!')).toBe('area');
  });
});
