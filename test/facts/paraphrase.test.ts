// Facts from the words news stories and council minutes use (texts written for these tests, in the patterns of
// real coverage): outcome, framework, revisits, improvement notices, dates and area.
import { describe, expect, it } from 'vitest';
import type { Kind } from '../../src/records.js';
import { factsOf } from './fixture.js';

const facts = (text: string, kind: Kind = 'article') => factsOf(text, kind);

describe('outcome in news wording', () => {
  it('reads "inconsistent outcomes" in a story about an area SEND inspection', () => {
    const story = `Ofsted and the CQC carried out an area SEND inspection of Rutland's SEND services in March 2024.
Inspectors found that the local area partnership's arrangements lead to inconsistent outcomes for children.`;
    expect(facts(story)).toMatchObject({ framework: '2023', outcome: 'inconsistent', area: { la_code: '857' } });
  });

  it('reads a ranked outcome in a sentence about the inspection', () => {
    expect(facts("Ofsted gave Rutland's SEND services the lowest of three possible outcomes at its area SEND inspection.")).toMatchObject({
      framework: '2023',
      outcome: 'systemic-failings',
    });
    expect(facts('The area SEND inspection gave the partnership the highest of three possible outcomes.').outcome).toBe('positive');
    expect(facts('The area SEND inspection gave the partnership the middle outcome.').outcome).toBe('inconsistent');
    expect(facts('The ICB said the highest rating for its hospital was welcome.').outcome).toBeNull();
  });

  it('does not take a list of the three possible outcomes for this area\'s outcome', () => {
    const explainer = `Partnerships receive one of three outcomes:
• The local area partnership's SEND arrangements typically lead to positive experiences and outcomes for children.
• The local area partnership's arrangements lead to inconsistent experiences and outcomes for children.
• There are widespread and/or systemic failings leading to significant concerns about the experiences and outcomes of children.`;
    expect(facts(explainer)).toMatchObject({ framework: '2023', outcome: null });
    expect(facts(`${explainer}\nIn Rutland, inspectors found inconsistent experiences and outcomes for children.`).outcome).toBe('inconsistent');
    expect(facts('Under the area SEND inspection framework the best possible outcome is rare and the lowest outcome is common.').outcome).toBeNull();
  });

  it('does not take "inconsistent outcomes" in a 2016-22 letter for the 2023 outcome', () => {
    const story = `The joint local area SEND inspection in 2018 found that children with SEND experience inconsistent outcomes.
The council was not required to produce a written statement of action.`;
    expect(facts(story)).toMatchObject({ framework: '2016', outcome: 'no-wsoa' });
  });

  it('reads "must produce a written statement of action" as a WSOA', () => {
    expect(facts('After the inspection the council and CCG must produce a written statement of action.')).toMatchObject({
      framework: '2016',
      outcome: 'wsoa',
    });
  });

  it('reads "no written statement of action was issued" as none required', () => {
    expect(facts('Following the SEND inspection in 2019, no written statement of action was issued.')).toMatchObject({
      framework: '2016',
      outcome: 'no-wsoa',
    });
  });

  it('does not let a sentence about the system in general outweigh a specific denial', () => {
    const story = `Where inspectors have significant concerns a WSoA is issued, setting out how the area will improve.
In Rutland's case, no written statement of action was issued after the inspection in 2018.`;
    expect(facts(story)).toMatchObject({ framework: '2016', outcome: 'no-wsoa' });
    const national = `Nationally, 59 areas have been required to produce a WSoA. Inspectors said Rutland did not need
a written statement of action.`;
    expect(facts(national).outcome).toBe('no-wsoa');
  });

  it('reads a web page that carries a letter without a WSOA as one', () => {
    const page = `Between 4 March 2019 and 8 March 2019, Ofsted and the Care Quality Commission (CQC) conducted a joint
inspection of the local area of Rutland to judge the effectiveness of the area in implementing the reforms.
Leaders know the area well.`;
    expect(facts(page)).toMatchObject({ framework: '2016', outcome: 'no-wsoa', area: { la_code: '857' } });
  });

  it('gives no outcome for national figures', () => {
    expect(facts('Of the 83 areas with reports, 42 have been told to write a written statement of action.').outcome).toBeNull();
    expect(facts('Nearly half of the local areas inspected had to produce a WSoA.').outcome).toBeNull();
  });

  it('still reads a specific WSOA next to a general sentence', () => {
    const story = `Where inspectors have significant concerns a WSoA is issued. The council has been told it must produce
a written statement of action.`;
    expect(facts(story).outcome).toBe('wsoa');
  });
});

describe('framework', () => {
  it('reads 2016 vocabulary: WSoA, revisit, CCG, joint local area SEND inspection', () => {
    expect(facts('The area must now write a WSoA.').framework).toBe('2016');
    expect(facts('NHS Rutland CCG attended the feedback meeting about the SEND services inspection.').framework).toBe('2016');
    expect(facts('The joint local area SEND inspection looked at how services work together.').framework).toBe('2016');
    expect(facts('The local area SEND inspection looked at how services work together.').framework).toBe('2016');
    expect(facts('The local area SEND inspection found the ICB slow to act.').framework).toBe('2023');
  });

  it('reads 2023 vocabulary: area SEND inspection, priority action plan, ICB', () => {
    expect(facts('The area SEND inspection found children wait too long for help.').framework).toBe('2023');
    expect(facts('The council and the ICB have written a priority action plan.').framework).toBe('2023');
    expect(facts('The ICB said it accepted the findings of Ofsted and the CQC.').framework).toBe('2023');
  });

  it('lets an explicit inspection date beat vocabulary', () => {
    const story = `The area SEND inspection took place between 4 and 8 March 2019. The ICB said it welcomed the report.`;
    expect(facts(story)).toMatchObject({ framework: '2016', inspection_start: '2019-03-04', inspection_end: '2019-03-08' });
    const later = `The inspection, carried out between 4 and 8 March 2024, found that a written statement of action
from 2018 had led to some improvement.`;
    expect(facts(later).framework).toBe('2023');
  });

  it('reads a framework named by its year', () => {
    expect(facts('The council was judged under the 2016 inspection framework. The ICB welcomed the letter.').framework).toBe('2016');
    expect(facts('Under the 2023 framework, councils face a new kind of report. The CCG has gone.').framework).toBe('2023');
  });

  it('does not read "local area partnership" inside a 2021 story as the 2023 framework', () => {
    const story = `Ofsted inspected special educational needs services in Rutland in November 2021. The local area
partnership said it would act on the findings.`;
    expect(facts(story).framework).toBe('2016');
  });

  it('keeps a 2024 story that looks back at an earlier inspection in 2023', () => {
    const story = `The previous inspection in 2018 required a written statement of action. Ofsted's inspection in 2024
found that the local area partnership's arrangements lead to inconsistent outcomes.`;
    expect(facts(story)).toMatchObject({ framework: '2023', outcome: 'inconsistent' });
  });
});

describe('revisits and improvement notices', () => {
  it('reads "sufficient progress in 3 of 5 areas" as a revisit', () => {
    const story = `Rutland has made sufficient progress in 3 of 5 areas of weakness, a re-visit by Ofsted and the CQC found.`;
    expect(facts(story)).toMatchObject({
      framework: '2016',
      outcome: 'wsoa',
      revisit: { weaknesses: 5, sufficient: 3, results: [] },
      area: { la_code: '857' },
    });
  });

  it('reads a count of insufficient progress, and progress in all areas', () => {
    expect(facts('The revisit found the area had not made sufficient progress in two of the five areas.').revisit).toEqual({
      weaknesses: 5,
      sufficient: 3,
      results: [],
    });
    expect(facts('Inspectors said the council made sufficient progress in all four areas at the revisit.').revisit).toEqual({
      weaknesses: 4,
      sufficient: 4,
      results: [],
    });
  });

  it('reads "re-visit" with a hyphen and the area named once, as the subject', () => {
    const story = `The re-visit of Rutland's SEND local area took place between January 2022 and 1 February 2022.`;
    expect(facts(story)).toMatchObject({
      area: { la_code: '857' },
      framework: '2016',
      revisit: { weaknesses: null, sufficient: null, results: [] },
      inspection_start: null,
      inspection_end: '2022-02-01',
    });
  });

  it('reads a council\'s "SEND Inspection Revisit" and accelerated progress plan', () => {
    const minutes = `Update on the Special Educational Needs and Disability (SEND) Inspection Revisit. The Select Committee
noted the Accelerated Progress Plan.`;
    expect(facts(minutes, 'minutes')).toMatchObject({ framework: '2016', outcome: 'wsoa', revisit: { weaknesses: null } });
    expect(facts('The accelerated progress plan is monitored by the DfE.', 'minutes').framework).toBe('2016');
  });

  it('reads the area a revisit names ("revisited the area of X") with the progress it found', () => {
    const page = `In May 2021, Ofsted and the CQC revisited the area of Southend-on-Sea to see if progress had been made.
The area had made enough progress in addressing 3 of the 4 significant weaknesses.`;
    expect(facts(page)).toMatchObject({ area: { la_code: '882' }, framework: '2016', revisit: { weaknesses: 4, sufficient: 3 } });
  });

  it('is not a revisit when the text does not say so', () => {
    expect(facts('The inspection found children wait too long for therapy.').revisit).toBeNull();
  });

  it('reads an improvement notice that was issued, not one that might be', () => {
    expect(facts('The Department for Education has issued the council with an improvement notice.').improvement_notice).toBe(true);
    expect(facts('Rutland was placed under an improvement notice for its SEND services.').improvement_notice).toBe(true);
    expect(facts('The council could face an improvement notice if progress is not made.').improvement_notice).toBe(false);
    expect(facts('No improvement notice was issued.').improvement_notice).toBe(false);
  });
});

describe('dates from ranges', () => {
  it('reads full ranges, ranges with weekdays and ranges without a start day', () => {
    expect(facts('Inspectors visited the area from Monday 4 July to Wednesday 6 July 2022.')).toMatchObject({
      inspection_start: '2022-07-04',
      inspection_end: '2022-07-06',
    });
    expect(facts('The inspection took place between 31 January and 4 February 2022.')).toMatchObject({
      inspection_start: '2022-01-31',
      inspection_end: '2022-02-04',
    });
  });

  it('does not read the dates of an earlier inspection as this one', () => {
    expect(facts('The previous inspection took place between 4 and 8 March 2017.').inspection_start).toBeNull();
    expect(facts('Ofsted inspected the school between 4 and 8 March 2019.').inspection_start).toBeNull();
    expect(facts('The visit took place between 4 and 8 March 2024.').inspection_start).toBe('2024-03-04');
  });
});

describe('stories dated before 2023', () => {
  it('reads a story published before 2023 as the 2016 framework, whatever its vocabulary', () => {
    const story = `Published: 14 October 2021
Council responds to SEND report
The local area partnership said it accepted every finding.`;
    expect(facts(story).framework).toBe('2016');
  });

  it('reads a byline date line and a meeting date as when the text was written', () => {
    const byline = `Council responds to SEND report
By Jane Smith
Wednesday 14 March 2019, 6:30pm
The local area partnership said it accepted every finding.`;
    expect(facts(byline).framework).toBe('2016');
    const minutes = `Minutes of the Children's Scrutiny Panel held on Tuesday, 12th March, 2019
The panel noted the findings. The ICB will report back.`;
    expect(facts(minutes, 'minutes').framework).toBe('2016');
  });

  it('does not date a story by a single school\'s inspection', () => {
    expect(facts('Ofsted rated the school good in 2019. The local area partnership said it accepted the report.').framework).toBe('2023');
  });

  it('does not take a date deep in the story for when it was written', () => {
    const story = `Area SEND inspection finds long waits
${'Parents said the wait for help was too long. '.repeat(40)}
The local offer website was last updated on 5 March 2019. The local area partnership said it would act.`;
    expect(facts(story).framework).toBe('2023');
  });

  it('does not date a story by years that are not about the inspection', () => {
    const story = `The council spent £2m on transport in 2022. The local area partnership said it accepted the report.`;
    expect(facts(story).framework).toBe('2023');
  });
});

describe('a 2023-framework report that mentions an earlier revisit', () => {
  it('is not a revisit', () => {
    const report = `Area SEND inspection of Rutland Local Area Partnership
Inspection dates: 3 to 7 June 2024
The previous full inspection was on 6 March 2017. There was a subsequent SEND revisit on 13 May 2019, which found
sufficient progress in 2 of 4 areas.`;
    expect(factsOf(report, 'report')).toMatchObject({
      framework: '2023',
      revisit: null,
      previous_inspection: '2017-03-06',
    });
  });
});
