// Revisit results read from text: per-weakness verdicts under "Main findings", summaries in letter and news wording.
import { describe, expect, it } from 'vitest';
import { revisitFacts } from '../../src/facts/revisit.js';

describe('revisitFacts', () => {
  it('names each weakness by the line that opens it and reads its verdict', () => {
    const letter = `Joint local area SEND revisit in Torbay
The area has made sufficient progress in addressing one of the two significant weaknesses identified at the initial inspection.
Main findings
• The quality of EHC plans
Plans are now reviewed by a panel.
The area has made sufficient progress in addressing this significant weakness.
• The local offer
Few families know where to find it.
The area has made insufficient progress in addressing this area of significant weakness.`;
    expect(revisitFacts(letter)).toEqual({
      weaknesses: 2,
      sufficient: 1,
      results: [
        { weakness: 'The quality of EHC plans', progress: 'sufficient' },
        { weakness: 'The local offer', progress: 'insufficient' },
      ],
    });
  });

  it('counts the verdicts when the text gives no summary', () => {
    const minutes = `The SEND revisit letter was noted.
Main findings
Timeliness of plans
The area has not made sufficient progress in addressing this significant weakness.
Joint commissioning
The area has made sufficient progress in addressing this significant weakness.`;
    expect(revisitFacts(minutes)).toMatchObject({ weaknesses: 2, sufficient: 1 });
  });

  it('reads summaries in several wordings', () => {
    const read = (text: string) => {
      const r = revisitFacts(text);
      return r && { weaknesses: r.weaknesses, sufficient: r.sufficient };
    };
    expect(read('The re-visit found sufficient progress in 3 out of 5 areas.')).toEqual({ weaknesses: 5, sufficient: 3 });
    expect(read('Inspectors found insufficient progress in two of the six areas of weakness.')).toEqual({ weaknesses: 6, sufficient: 4 });
    expect(read('The area has made sufficient progress in addressing all five significant weaknesses.')).toEqual({ weaknesses: 5, sufficient: 5 });
    expect(
      read('The area has made sufficient progress in two areas. It has not made sufficient progress in three areas.'),
    ).toEqual({ weaknesses: 5, sufficient: 2 });
  });

  it('is null for a text about no revisit', () => {
    expect(revisitFacts('Leaders have made good progress since the inspection.')).toBeNull();
    expect(revisitFacts('Ofsted will visit again in 2025.')).toBeNull();
  });
});
