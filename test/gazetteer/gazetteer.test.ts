import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { allAreas, findAreaMentions, resolveArea } from '../../src/gazetteer/index.js';
import { AreaSchema } from '../../src/records.js';

const lookup = new URL('../../../shared/reference/ofsted-la-lookup.csv', import.meta.url);

describe('allAreas', () => {
  const areas = allAreas();

  it('lists the 153 current English local authorities, each a valid Area with unique codes', () => {
    expect(areas).toHaveLength(153);
    for (const area of areas) AreaSchema.parse(area);
    expect(new Set(areas.map((a) => a.la_code)).size).toBe(153);
    expect(new Set(areas.map((a) => a.gss)).size).toBe(153);
  });

  it('leaves out authorities that no longer exist', () => {
    const names = areas.map((a) => a.name);
    expect(names).not.toContain('Poole');
    expect(names).not.toContain('Northamptonshire');
    expect(names).toContain('North Northamptonshire');
    expect(names).toContain('Westmorland and Furness');
  });

  it('agrees with the shared Ofsted lookup on every code, region and URN', () => {
    const rows: Record<string, string>[] = parse(readFileSync(lookup), { bom: true, columns: true });
    for (const row of rows) {
      const area = resolveArea(row['la_code']!);
      expect(area, row['local_authority_ons_name']).not.toBeNull();
      if (row['la_code_new']) expect(area!.gss).toBe(row['la_code_new']);
      expect(area!.region).toBe(row['region_name']);
      expect(area!.urn).toBe(row['urn'] || null);
      expect(resolveArea(row['local_authority_ons_name']!)?.la_code).toBe(row['la_code']);
    }
  });
});

describe('resolveArea', () => {
  const code = (query: string) => resolveArea(query)?.la_code ?? null;

  it('resolves DfE codes and GSS codes', () => {
    expect(resolveArea('830')).toMatchObject({ name: 'Derbyshire', gss: 'E10000007', region: 'East Midlands', urn: '80460' });
    expect(code('E06000015')).toBe('831');
    expect(code('e10000024')).toBe('891');
    expect(code('999')).toBeNull();
    expect(code('E99999999')).toBeNull();
  });

  it('resolves names and the variants documents use', () => {
    expect(code('Telford & Wrekin')).toBe('894');
    expect(code('Telford and Wrekin')).toBe('894');
    expect(code('Kingston upon Hull')).toBe('810');
    expect(code('Hull')).toBe('810');
    expect(code('Southend-on-Sea')).toBe('882');
    expect(code('Southend')).toBe('882');
    expect(code('Bournemouth, Christchurch and Poole')).toBe('839');
    expect(code('BCP')).toBe('839');
    expect(code('St Helens')).toBe('342');
    expect(code('St. Helens')).toBe('342');
    expect(code('Herefordshire, County of')).toBe('884');
    expect(code('Herefordshire')).toBe('884');
    expect(code('Bristol, City of')).toBe('801');
    expect(code('Bristol')).toBe('801');
    expect(code('City of London')).toBe('201');
    expect(code('Isles of Scilly')).toBe('420');
    expect(code('County Durham')).toBe('840');
  });

  it('ignores case and council designations', () => {
    expect(code('derbyshire')).toBe('830');
    expect(code('Derby City Council')).toBe('831');
    expect(code('Derbyshire County Council')).toBe('830');
    expect(code('the Royal Borough of Greenwich')).toBe('203');
    expect(code('London Borough of Barking and Dagenham')).toBe('301');
    expect(code('Sandwell Metropolitan Borough Council')).toBe('333');
    expect(code('Blackpool local area partnership')).toBe('890');
  });

  it('still resolves abolished authorities that older letters name', () => {
    expect(resolveArea('Poole')).toMatchObject({ la_code: '836', gss: 'E06000029' });
    expect(code('Northamptonshire')).toBe('928');
    expect(code('Cumbria')).toBe('909');
    expect(code('Bournemouth')).toBe('837');
  });

  it('returns null for names that are not English local authorities', () => {
    expect(code('Narnia')).toBeNull();
    expect(code('Greater Manchester')).toBeNull();
    expect(code('')).toBeNull();
  });

  it('returns a copy the caller may change', () => {
    resolveArea('830')!.name = 'changed';
    expect(resolveArea('830')!.name).toBe('Derbyshire');
  });
});

describe('findAreaMentions', () => {
  const names = (text: string) => findAreaMentions(text).map((m) => m.area?.name ?? null);

  it('takes the longest name at each place', () => {
    expect(names('Derbyshire and Derby; Nottinghamshire and Nottingham')).toEqual(['Derbyshire', 'Derby', 'Nottinghamshire', 'Nottingham']);
    expect(names('North East Lincolnshire, not Lincolnshire')).toEqual(['North East Lincolnshire', 'Lincolnshire']);
    expect(names('Bournemouth, Christchurch and Poole Council')).toEqual(['Bournemouth, Christchurch and Poole']);
  });

  it('matches across line breaks, with & for and, and in capitals', () => {
    expect(names('Telford &\nWrekin Council')).toEqual(['Telford and Wrekin']);
    expect(names('SERVICES FOR WORCESTERSHIRE CHILDREN')).toEqual(['Worcestershire']);
  });

  it('does not read a name inside a longer word or place', () => {
    expect(names('reading the report in Newcastle-under-Lyme and Greater Manchester')).toEqual([null, null]);
    expect(names('Derbyshire-wide')).toEqual(['Derbyshire']);
  });

  it('gives offsets into the text', () => {
    const [m] = findAreaMentions('In Kingston upon Hull today');
    expect(m).toMatchObject({ start: 3, end: 21 });
  });
});
