import { describe, expect, it } from 'vitest';
import { describePublication, fileIdOf, isSendType, parseDayMonthYear } from '../../src/fetch/publications.js';

describe('describePublication', () => {
  it('reads the type and publication date from a link label', () => {
    expect(describePublication('Area SEND full inspection, PDF - 15 July 2024')).toEqual({
      type: 'Area SEND full inspection',
      published: '2024-07-15',
      send: true,
    });
  });

  it('knows every kind of area SEND report, however the site cases it', () => {
    for (const label of [
      'Area SEND full inspection, PDF - 05 May 2023',
      'Area SEND monitoring inspection, PDF - 1 October 2025',
      'Local area SEND inspection, PDF - 12 March 2018',
      'Local area SEND revisit, PDF - 3 June 2019',
      'Joint local area SEND inspection, PDF - 3 June 2019',
      'area send full inspection, pdf - 12 july 2024',
      'Special educational needs and disabilities inspection, PDF - 3 June 2019',
    ]) {
      expect(describePublication(label).send, label).toBe(true);
    }
  });

  it('skips the other report types filed under a local authority', () => {
    for (const label of [
      "Children's services inspection, PDF - 01 February 2023",
      "Children's services focused visit, PDF - 07 November 2023",
      'Joint area child protection inspection, PDF - 30 January 2024',
      'Monitoring visit, PDF - 31 December 2025',
      'Local authority fostering agency inspection, PDF - 2 May 2022',
    ]) {
      expect(describePublication(label).send, label).toBe(false);
    }
  });

  it('copes with a label without a date or format', () => {
    expect(describePublication('Area SEND full inspection')).toEqual({ type: 'Area SEND full inspection', published: null, send: true });
    expect(describePublication('  Area SEND  full inspection,  PDF  -  31 June 2024 ')).toMatchObject({ type: 'Area SEND full inspection', published: null });
  });

  it('does not take the word "send" in lower case for the acronym', () => {
    expect(isSendType('How to send us feedback')).toBe(false);
  });
});

describe('parseDayMonthYear', () => {
  it('reads full and short month names and rejects impossible dates', () => {
    expect(parseDayMonthYear('04 February 2025')).toBe('2025-02-04');
    expect(parseDayMonthYear('4 Feb 2025')).toBe('2025-02-04');
    expect(parseDayMonthYear('1st Sept 2025')).toBe('2025-09-01');
    expect(parseDayMonthYear('29 February 2023')).toBeNull();
    expect(parseDayMonthYear('15 Julember 2024')).toBeNull();
    expect(parseDayMonthYear('July 2024')).toBeNull();
  });
});

describe('fileIdOf', () => {
  it('takes the id from a file server link, and nothing from other links', () => {
    expect(fileIdOf('https://files.ofsted.gov.uk/v1/file/50252437')).toBe('50252437');
    expect(fileIdOf('https://files.ofsted.gov.uk/v1/file/50252437/')).toBe('50252437');
    expect(fileIdOf('https://files.ofsted.gov.uk/v1/file/50252437?download=1')).toBe('50252437');
    expect(fileIdOf('https://reports.ofsted.gov.uk/provider/44/80460')).toBeNull();
    expect(fileIdOf('mailto:enquiries@ofsted.gov.uk')).toBeNull();
  });
});
