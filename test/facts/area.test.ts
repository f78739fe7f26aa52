// Which area a document is about, from sentences written for these tests.
import { describe, expect, it } from 'vitest';
import { allAreas } from '../../src/gazetteer/index.js';
import { factsOf } from './fixture.js';

const areaOf = (text: string, kind: 'report' | 'article' | 'minutes' = 'article') => factsOf(text, kind).area;
const codeOf = (text: string, kind?: 'report' | 'article' | 'minutes') => areaOf(text, kind)?.la_code ?? null;

describe('document area', () => {
  it('tells Derby from Derbyshire, however the shared NHS body is named', () => {
    const derbyshire = `Area SEND inspection of Derbyshire Local Area Partnership
Derbyshire County Council and NHS Derby and Derbyshire Integrated Care Board are responsible for
services for children with SEND in Derbyshire. Families in Derby and Derbyshire told us about waits.`;
    expect(areaOf(derbyshire, 'report')).toEqual({
      name: 'Derbyshire',
      la_code: '830',
      gss: 'E10000007',
      region: 'East Midlands',
      urn: '80460',
    });
    const derby = `Derby City Council and NHS Derby and Derbyshire ICB are jointly responsible for SEND services in the city.
The council said Derby families would see changes. Derby has a new SEND strategy.`;
    expect(codeOf(derby)).toBe('831');
  });

  it('masks a health body whose name lists several places', () => {
    const text = 'Telford & Wrekin Council and NHS Shropshire, Telford and Wrekin ICB are jointly responsible for SEND services.';
    expect(codeOf(text)).toBe('894');
    expect(factsOf(text, 'article').icb).toBe('NHS Shropshire, Telford and Wrekin Integrated Care Board');
  });

  it('tells Nottingham from Nottinghamshire', () => {
    expect(codeOf('Nottinghamshire County Council and NHS Nottingham and Nottinghamshire ICB are responsible for the service.')).toBe('891');
    expect(codeOf('Area SEND inspection of Nottingham Local Area Partnership. NHS Nottingham and Nottinghamshire ICB ...', 'report')).toBe('892');
  });

  it('reads the inspection title first, even when another area is named more often', () => {
    const text = `Area SEND inspection of Telford & Wrekin Local
Area Partnership
Some children travel to Shropshire for school. Shropshire special schools are full. Shropshire and Telford
leaders meet termly.`;
    expect(codeOf(text, 'report')).toBe('894');
  });

  it('reads "Kingston upon Hull", "Hull" and a title that breaks across lines', () => {
    expect(codeOf('Local area SEND inspection of Kingston upon\nHull', 'report')).toBe('810');
    expect(codeOf('Hull City Council and NHS Humber and North Yorkshire ICB are jointly responsible for SEND services.')).toBe('810');
  });

  it('reads Southend-on-Sea and its short form', () => {
    expect(codeOf('Area SEND inspection of Southend-on-Sea Local Area Partnership', 'report')).toBe('882');
    expect(codeOf('Southend City Council is responsible for the plan. Southend parents were consulted.')).toBe('882');
  });

  it('reads Bournemouth, Christchurch and Poole as one area, not Poole', () => {
    const text = `Bournemouth, Christchurch and Poole Council and NHS Dorset Integrated Care Board (ICB) are jointly
responsible for SEND services. Families in Poole said the new BCP arrangements were slow.`;
    expect(codeOf(text)).toBe('839');
  });

  it('reads the 2016 letter forms', () => {
    expect(codeOf('Joint local area SEND inspection in Telford and Wrekin', 'report')).toBe('894');
    expect(codeOf('Ofsted and CQC conducted a joint inspection of the local area of St. Helens to judge ...', 'report')).toBe('342');
  });

  it('is null when no area is named', () => {
    const minutes = `Children and Families Overview and Scrutiny Panel
The Panel received the feedback letter from the joint inspection. The Cabinet Member said the action plan must be
submitted within 70 working days. Members asked how parents would be told.`;
    expect(areaOf(minutes, 'minutes')).toBeNull();
  });

  it('is null when the only place named is part of an NHS body', () => {
    expect(areaOf('NHS Derby and Derbyshire Integrated Care Board said it accepted the findings and would act.')).toBeNull();
    expect(areaOf('A spokesperson for Cornwall and the Isles of Scilly ICB welcomed the report.')).toBeNull();
  });

  it('falls back to frequency only when one area clearly dominates', () => {
    expect(codeOf('Leeds parents waited. Leeds schools struggled. Leeds leaders apologised. A Bradford parent agreed.')).toBe('383');
    expect(areaOf('Leeds and Bradford parents waited. Bradford and Leeds schools struggled.')).toBeNull();
    expect(areaOf('A parent from Leeds wrote to us.')).toBeNull();
  });

  it('does not take a place that merely contains an area name', () => {
    expect(areaOf('Parents across Greater Manchester said waits were long. Greater Manchester leaders met.')).toBeNull();
  });
});

describe('every area', () => {
  it('is read from its inspection title and from its responsibility statement', () => {
    for (const area of allAreas()) {
      const title = `Area SEND inspection of ${area.name} Local\nArea Partnership\nInspection dates: 1 to 5 July 2024`;
      expect(codeOf(title, 'report'), area.name).toBe(area.la_code);
      const responsible = `${area.name} Council and NHS Black Country Integrated Care Board are jointly responsible for SEND services.`;
      expect(codeOf(responsible), area.name).toBe(area.la_code);
    }
  });
});

describe('an area named once, as the subject', () => {
  it('reads "the re-visit of X\'s SEND local area", "X\'s SEND services" and "the X local area"', () => {
    expect(codeOf("Inspectors published the re-visit of Rutland's SEND local area this week.")).toBe('857');
    expect(codeOf("Parents welcomed the report on Rutland's SEND services.")).toBe('857');
    expect(codeOf('Inspectors praised the Rutland local area for its short breaks.')).toBe('857');
  });

  it('lets an area named more often win over another named once as a subject', () => {
    expect(codeOf("Derbyshire parents waited. Derbyshire schools struggled. Unlike Nottinghamshire's SEND services, Derbyshire has no plan.")).toBe('830');
  });
});
