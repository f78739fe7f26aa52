// Framework and outcome, from report openings, letters and articles written for these tests.
import { describe, expect, it } from 'vitest';
import { factsOf } from './fixture.js';

const opening = (outcome: string) => `Local area partnership report
Area SEND inspection of Rutland Local Area Partnership
Inspection dates: 3 to 7 June 2024
Dates of previous inspection: 6 to 10 March 2017
Inspection outcome
${outcome}
Information about the local area partnership
Rutland County Council and NHS Leicester, Leicestershire and Rutland Integrated Care Board (ICB) are jointly
responsible for services for children and young people with SEND in Rutland.`;

describe('2023-framework reports', () => {
  it('reads each outcome, across line breaks', () => {
    expect(factsOf(opening(`The local area partnership's arrangements typically lead to positive experiences and
outcomes for children and young people with SEND.`))).toMatchObject({ framework: '2023', outcome: 'positive' });
    expect(factsOf(opening(`The local area partnership's arrangements lead to inconsistent experiences and
 outcomes for children and young people with SEND.`))).toMatchObject({ framework: '2023', outcome: 'inconsistent' });
    expect(factsOf(opening(`There are widespread and/or systemic
failings leading to significant concerns about the experiences and outcomes of children.`))).toMatchObject({
      framework: '2023',
      outcome: 'systemic-failings',
    });
  });

  it('names the responsible ICB in full', () => {
    expect(factsOf(opening('inconsistent experiences and outcomes')).icb).toBe(
      'NHS Leicester, Leicestershire and Rutland Integrated Care Board',
    );
  });

  it('lists every ICB named as responsible, and only the ICBs', () => {
    // One paragraph per line, as ingest gives it (a wrapped line is joined there, before sentences are split).
    const text =
      'Essex County Council, the NHS Mid and South Essex ICB and the NHS Suffolk and North East Essex ' +
      'Integrated Care Board (ICB) are responsible for SEND services in Essex. NHS Norfolk and Waveney ICB was consulted.';
    expect(factsOf(text, 'article').icb).toBe(
      'NHS Mid and South Essex Integrated Care Board; NHS Suffolk and North East Essex Integrated Care Board',
    );
  });
});

// A 2016-framework outcome letter, in the form such letters take (written for this test).
const letter = (decision: string) => `Mr A Smith
Director of Children's Services, Rutland County Council

Dear Mr Smith

Joint local area SEND inspection in Rutland

Between 5 March 2018 and 9 March 2018, Ofsted and the Care Quality Commission (CQC) conducted a joint
inspection of the local area of Rutland to judge the effectiveness of the area in implementing the
disability and special educational needs reforms as set out in the Children and Families Act 2014.

The inspection was led by one of Her Majesty's Inspectors with a children's services inspector from the CQC.
Leaders of NHS East Leicestershire and Rutland Clinical Commissioning Group (CCG) were interviewed.
${decision}
Yours sincerely`;

describe('2016-framework letters', () => {
  it('reads a letter that requires a written statement of action', () => {
    const wsoa = factsOf(
      letter(`As a result of the findings of this inspection, Her Majesty's Chief Inspector (HMCI) has determined that a
Written Statement of Action is required because of significant areas of weakness in the local area's practice.`),
    );
    expect(wsoa).toMatchObject({
      area: { la_code: '857' },
      framework: '2016',
      outcome: 'wsoa',
      inspection_start: '2018-03-05',
      inspection_end: '2018-03-09',
      priority_actions: null,
      improvement_areas: null,
      icb: null,
    });
  });

  it('reads a letter that is silent on a written statement as none required', () => {
    expect(factsOf(letter('The local area has a clear understanding of its strengths.'))).toMatchObject({
      framework: '2016',
      outcome: 'no-wsoa',
    });
  });

  it('reads a revisit letter as following a required written statement of action', () => {
    const revisit = `Local area SEND revisit in Rutland
Between 2 and 4 May 2021, Ofsted and CQC revisited the area to decide whether it had made sufficient progress in
addressing the areas of significant weakness detailed in the written statement of action (WSOA).`;
    expect(factsOf(revisit)).toMatchObject({ framework: '2016', outcome: 'wsoa', area: { la_code: '857' } });
  });
});

describe('articles and minutes', () => {
  it('reads a written statement of action, or the news that none is needed', () => {
    expect(factsOf('The council must now produce a written statement of action after the SEND inspection.', 'article')).toMatchObject({
      framework: '2016',
      outcome: 'wsoa',
    });
    expect(factsOf('Inspectors said a written statement of action was not required.', 'article').outcome).toBe('no-wsoa');
    expect(factsOf('The council was not asked to produce a written statement of action.', 'article').outcome).toBe('no-wsoa');
  });

  it('reads an action plan the area is ordered to submit after a joint inspection as a WSOA', () => {
    const minutes = `The Panel received feedback from the Joint Local Area SEND Inspection carried out by Ofsted and CQC.
The action plan agreed by all partners needed to be submitted to Ofsted within 70 days.`;
    expect(factsOf(minutes, 'minutes')).toMatchObject({ framework: '2016', outcome: 'wsoa', area: null });
  });

  it('reads 2023 outcomes in news wording, with curly quotes', () => {
    expect(factsOf('An inspection found \u201cwidespread failings\u201d in the county\u2019s SEND services.', 'article')).toMatchObject({
      framework: '2023',
      outcome: 'systemic-failings',
    });
  });

  it('leaves the outcome unknown when the text does not say it', () => {
    const blog = `Ofsted set out "to judge the effectiveness of the area in implementing the disability and special
educational needs reforms". The report was very critical.`;
    expect(factsOf(blog, 'blog')).toMatchObject({ framework: '2016', outcome: null });
    expect(factsOf('Parents met the council to talk about school transport.', 'article')).toMatchObject({
      framework: null,
      outcome: null,
    });
  });
});
