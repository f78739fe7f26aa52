// Areas for priority action and for improvement, from report sections written for these tests.
import { describe, expect, it } from 'vitest';
import { recommendationCounts as countsOf } from '../../src/facts/counts.js';
import { flatSentences } from '../../src/facts/text.js';
import { fixture } from './fixture.js';

/** The counts for a text, read through its document's sentences as the facts stage reads them. */
const recommendationCounts = (text: string) => countsOf(text, flatSentences(fixture(text)));

// A priority table as PDF text gives it: the responsible-body cell's lines interleave with the action's.
const priorityTable = `Areas for priority action
Responsible body Areas for priority action
Rutland County Council and
NHS Leicester, Leicestershire
and Rutland Integrated Care
Board
Leaders should urgently agree a joint strategy:
• with clear measures of success; and
• with shared governance.
Rutland County Council and
NHS Leicester, Leicestershire
Leaders need to cut the time families wait for an EHC needs assessment.
and Rutland Integrated Care
Board
Leaders need to check that waits fall. The ICB should report progress to the board.
NHS Leicester, Leicestershire
and Rutland Integrated Care
Board
Health leaders must reduce waits for speech and language therapy.`;

const improvements = `Areas for improvement
Areas for improvement
Health leaders should cut waits for speech and language therapy. Health leaders should say
how long families will wait.
Leaders should improve how they tell families what is available. This includes:
• a clearer local offer;
• more drop-in sessions.
Leaders should also publish their plan.
The local area partnership must strengthen transitions to adult services.
Local area partnership details
Local authority Integrated care board`;

describe('recommendationCounts', () => {
  it('counts one priority action per table row, whatever the row says inside it', () => {
    expect(recommendationCounts(`${priorityTable}\n${improvements}`)).toEqual({ priority_actions: 3, improvement_areas: 3 });
  });

  it('counts one area for improvement per recommending paragraph, not per sentence or bullet', () => {
    expect(recommendationCounts(improvements).improvement_areas).toBe(3);
  });

  it('counts numbered areas for improvement', () => {
    const numbered = `Areas for improvement
1. The local area partnership should review its data.
2. Leaders should improve the quality of EHC plans.
Information about this inspection`;
    expect(recommendationCounts(numbered).improvement_areas).toBe(2);
  });

  it('joins lines that a PDF wrapped before counting', () => {
    const wrapped = `Areas for improvement
Leaders across the partnership should continue to address the long waiting times for
children requesting support from health services. They should ensure that support is in
place while children wait.
Leaders should strengthen the quality assurance of EHC plans.`;
    expect(recommendationCounts(wrapped).improvement_areas).toBe(2);
  });

  describe('recommendations run together into one paragraph (ruled tables leave no space between them)', () => {
    const count = (paragraph: string) => recommendationCounts(`Areas for improvement\n${paragraph}`).improvement_areas;

    it('starts a new one at each sentence that addresses someone new', () => {
      expect(
        count(
          'Leaders should improve the quality of EHC plans. Leaders across the partnership should publish their data. ' +
            'Children should be seen sooner. The local area partnership must strengthen transitions to adult services.',
        ),
      ).toBe(3);
    });

    it('keeps sentences that go on with the one before in the same recommendation', () => {
      expect(count('Health leaders must cut waits for therapy. Health leaders should say how long families will wait.')).toBe(1);
      expect(count('Leaders should review EHC plans. Leaders should make sure these plans are shared with families.')).toBe(1);
      expect(count('Leaders should review EHC plans. In the meantime, the partnership should check new plans.')).toBe(1);
      expect(
        count('Leaders should reduce the long waits for ADHD assessment. The partnership should ensure support is in place for children waiting.'),
      ).toBe(1);
    });
  });

  it('gives 0 priority actions for a report with areas for improvement only', () => {
    expect(recommendationCounts(improvements).priority_actions).toBe(0);
  });

  it('counts priority actions listed without a table', () => {
    const listed = `Areas for priority action
Leaders should urgently improve the timeliness of EHC plans.
Leaders must reduce waits for neurodevelopmental assessments.
Areas for improvement
Leaders should improve communication with families.`;
    expect(recommendationCounts(listed)).toEqual({ priority_actions: 2, improvement_areas: 1 });
  });

  it('does not take the words in a sentence for a heading', () => {
    const text = 'HMCI requires the partnership to address the identified areas for priority action.\nNothing else.';
    expect(recommendationCounts(text)).toEqual({ priority_actions: null, improvement_areas: null });
  });

  it('reads a number an article states', () => {
    expect(recommendationCounts('The inspection concluded that there are two priority areas for action.')).toEqual({
      priority_actions: 2,
      improvement_areas: null,
    });
    expect(recommendationCounts('Inspectors set out 4 areas for priority action and six areas for\nimprovement.')).toEqual({
      priority_actions: 4,
      improvement_areas: 6,
    });
  });
});

describe('report facts in other layouts', () => {
  it('reads a singular heading for a single recommendation', () => {
    expect(recommendationCounts('Area for priority action\nLeaders must cut waits for EHC plans.\nArea for improvement\nLeaders should improve the local offer.')).toEqual({
      priority_actions: 1,
      improvement_areas: 1,
    });
  });

  it('counts numbered recommendations by their numbers, whatever each holds', () => {
    const numbered = `Areas for improvement
1. Leaders should improve the quality of EHC plans. Health leaders should contribute to every plan.
2. Leaders should reduce waits for therapy. Leaders should tell families how long they will wait.
3. Leaders should strengthen transitions to adult services.`;
    expect(recommendationCounts(numbered).improvement_areas).toBe(3);
  });

  it('counts items of several sentences, several of them starting "Leaders"', () => {
    const items = `Areas for improvement
Leaders across the partnership should improve the quality of EHC plans. This includes making sure that health and care advice is included. Leaders should check that this happens in every plan.
Leaders should reduce the time children wait for speech and language therapy. They should keep families informed while they wait.
Leaders should also publish how they will measure progress.
Leaders should strengthen the local offer so that families can find what is available.`;
    expect(recommendationCounts(items).improvement_areas).toBe(3);
  });
});

describe('a recommendation that names many people before its modal', () => {
  it('is counted when it opens a paragraph', () => {
    const section = `Areas for improvement
Leaders across education, health and social care, including the designated clinical officer, the special educational needs coordinators in schools and the parent carer forum, should improve the quality of EHC plans.
Leaders should reduce waits for therapy.`;
    expect(recommendationCounts(section).improvement_areas).toBe(2);
  });
});
