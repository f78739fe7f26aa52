import { describe, expect, it } from 'vitest';
import { areaOfUrn, resolveAreas } from '../../src/fetch/areas.js';

describe('resolveAreas', () => {
  it('accepts DfE LA codes, GSS codes, Ofsted URNs and names, once per area', () => {
    expect(resolveAreas(['830', 'E06000006', '80565', 'derbyshire', 'Suffolk County Council'])).toEqual([
      { urn: '80460', name: 'Derbyshire' },
      { urn: '80471', name: 'Halton' },
      { urn: '80565', name: 'Suffolk' },
    ]);
  });

  it('names every code it cannot place', () => {
    expect(() => resolveAreas(['830', '999', 'Atlantis'])).toThrow(/^areas: no area has the code 999, Atlantis \(use a DfE LA code/);
  });
});

describe('areaOfUrn', () => {
  it('labels a provider page with its area', () => {
    expect(areaOfUrn('80460')).toMatchObject({ name: 'Derbyshire', la_code: '830', gss: 'E10000007' });
    expect(areaOfUrn('1')).toBeUndefined();
  });
});
