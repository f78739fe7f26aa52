// Polarity with the repository's own cue lexicon and rules: negation and its scope, trends, hedges and intentions,
// recommendations, clauses, and the section as evidence.
import { describe, expect, it } from 'vitest';
import { polarity } from './fixture.js';

describe('negation and its scope', () => {
  it('a denied good is a concern; a denied wait is a strength', () => {
    expect(polarity('EHC plans are not completed in a timely manner.', 'ehcp-timeliness')).toEqual(['concern']);
    expect(polarity('There are currently no children waiting for an autism assessment.', 'neurodevelopmental-waits')).toEqual(['strength']);
  });

  it('a negation with nothing to flip still says something is not done', () => {
    expect(polarity('Social workers do not contribute to EHC plans.', 'ehcp-quality')).toEqual(['concern']);
    expect(polarity('There is no joint commissioning strategy.', 'joint-commissioning')).toEqual(['concern']);
  });

  it('a remedy not done is the failing, not a denied wait', () => {
    expect(polarity('Leaders have not addressed waiting times for speech and language therapy.', 'therapy-waits')).toEqual(['concern']);
    expect(polarity('Leaders have not tackled the long waits for autism assessments.', 'neurodevelopmental-waits')).toEqual(['concern']);
  });

  it('an open purpose ends at a verb that is itself a cue ("... to support X need improvement")', () => {
    expect(polarity('Leaders accept that the current arrangements to assess and support young people\'s mental health needs need improvement.', 'mental-health-waits')).toEqual(['concern']);
  });

  it('"rarely" and "seldom" deny what they qualify', () => {
    expect(polarity('EHC plans are rarely completed on time.', 'ehcp-timeliness')).toEqual(['concern']);
    expect(polarity('Young people seldom have to wait long for a wheelchair.', 'wheelchair-waits')).toEqual(['strength']);
  });

  it('stops at the end of its clause', () => {
    expect(polarity('Communication is not always clear, but parents feel listened to and valued.', 'parent-engagement')).toEqual(['strength']);
  });

  it('people placed in a provision: how well they are served there is the provision\'s strength', () => {
    expect(polarity('Pupils who are placed in AP usually make good progress.', 'alternative-provision')).toEqual(['strength']);
    expect(polarity('Young people who attend alternative provision are supported well.', 'alternative-provision')).toEqual(['strength']);
    // Picked out by something that happened to them, they are not the topic's object.
    expect(polarity('Pupils who have been excluded are supported well to find a new school.', 'exclusions')).toEqual(['mention']);
  });

  it('a relative clause that picks out people negates nothing', () => {
    expect(polarity('Children who do not have an EHC plan receive effective mental health support.', 'mental-health-waits')).toEqual(['strength']);
  });
});

describe('cues', () => {
  it('"too long", "lack of", "insufficient", "poor" are concerns', () => {
    expect(polarity('Children wait too long for speech and language therapy.', 'therapy-waits')).toEqual(['concern']);
    expect(polarity('There is a lack of alternative provision in the area.', 'alternative-provision')).toEqual(['concern']);
    expect(polarity('The quality of EHC plans is poor.', 'ehcp-quality')).toEqual(['concern']);
    expect(polarity('There are insufficient special school places.', 'specialist-places')).toEqual(['concern']);
  });

  it('trends: a fall in something adverse is a strength, a rise a concern', () => {
    expect(polarity('Waiting times for CAMHS have reduced.', 'mental-health-waits')).toEqual(['strength']);
    expect(polarity('Waiting times for CAMHS have increased.', 'mental-health-waits')).toEqual(['concern']);
    expect(polarity('Permanent exclusions of pupils with SEND are rising.', 'exclusions')).toEqual(['concern']);
    expect(polarity('The number of exclusions of pupils with SEND is falling.', 'exclusions')).toEqual(['strength']);
    expect(polarity('The proportion of EHC plans issued within 20 weeks has increased.', 'ehcp-timeliness')).toEqual(['strength']);
  });

  it('hedges and intentions are mentions, unless something else is said outside them', () => {
    expect(polarity('Leaders plan to reduce waiting times for autism assessments.', 'neurodevelopmental-waits')).toEqual(['mention']);
    expect(polarity('Leaders are developing a new approach to the timeliness of EHC plans.', 'ehcp-timeliness')).toEqual(['mention']);
    expect(polarity('Although waits for ADHD assessments are still too long, leaders plan to reduce them.', 'neurodevelopmental-waits')).toEqual(['concern']);
    expect(polarity('Will waiting times for autism assessments fall?', 'neurodevelopmental-waits')).toEqual(['mention']);
  });

  it('a recommendation says the problem exists', () => {
    expect(polarity('Leaders should reduce the long waits for wheelchairs.', 'wheelchair-waits')).toEqual(['concern']);
    expect(polarity('Leaders need to ensure that EHC plans are issued in a timely way.', 'ehcp-timeliness')).toEqual(['concern']);
  });

  it('a condition states no fact; the main clause speaks', () => {
    expect(polarity('When children are missing education, professionals return them to school quickly.', 'missing-education')).toEqual(['strength']);
  });

  it('a comparative grades the cue after it', () => {
    expect(polarity('Outcomes of jointly commissioned services are now more positive.', 'joint-commissioning')).toEqual(['strength']);
    expect(polarity('Jointly commissioned services are less effective than they were.', 'joint-commissioning')).toEqual(['concern']);
  });

  it('each clause speaks for its own topic', () => {
    const s = 'While the timeliness of EHC plans has improved recently, the quality of too many plans is poor.';
    expect(polarity(s, 'ehcp-timeliness')).toEqual(['strength']);
    expect(polarity(s, 'ehcp-quality')).toEqual(['concern']);
  });

  it('after a concession, a clause naming the same thing again has the last word', () => {
    expect(polarity('While some health advice in EHC plans is useful, too much advice is vague.', 'ehcp-quality')).toEqual(['concern']);
  });

  it('what a response answers is its occasion, not its result', () => {
    expect(polarity('Leaders were too slow to respond to the rising demand for special school places.', 'specialist-places')).toEqual(['concern']);
  });

  it('too recent to show an improvement is no improvement', () => {
    expect(polarity('The new caseworkers are too recent to show improvements in the timeliness of EHC plans.', 'ehcp-timeliness')).toEqual(['concern']);
  });

  it('"there is work to do" is a failing, not "is working to" (an intention)', () => {
    expect(polarity('There is work to do to ensure that families are listened to and their views acted on.', 'parent-engagement')).toEqual(['concern']);
  });

  it('travel training is no adverse travel; going to tribunal is no intention', () => {
    expect(polarity('Travel training helps young people with SEND to become independent well.', 'preparation-for-adulthood')).toEqual(['strength']);
    expect(polarity('Too many families go to tribunal to secure the right support.', 'tribunals')).toEqual(['concern']);
  });
});

describe('the section as evidence', () => {
  const plain = 'The local area partnership has a joint commissioning strategy.';
  const mixed = 'Joint commissioning has strengths and weaknesses.';
  const effective = 'What is the area partnership doing that is effective?';
  const better = 'What does the area partnership need to do better?';

  it('a tie of cues leans to its section, and is a mention elsewhere', () => {
    expect(polarity(mixed, 'joint-commissioning', effective)).toEqual(['strength']);
    expect(polarity(mixed, 'joint-commissioning', better)).toEqual(['concern']);
    expect(polarity(mixed, 'joint-commissioning')).toEqual(['mention']);
  });

  it('a sentence with no cue is a mention whatever its section: the quote must say its polarity itself', () => {
    expect(polarity(plain, 'joint-commissioning', effective)).toEqual(['mention']);
    expect(polarity(plain, 'joint-commissioning', better)).toEqual(['mention']);
    expect(polarity(plain, 'joint-commissioning')).toEqual(['mention']);
  });

  it('cues outweigh the lean; recommendation sections make every finding a concern', () => {
    expect(polarity('However, joint commissioning is weak.', 'joint-commissioning', effective)).toEqual(['concern']);
    expect(polarity('• leaders make sure that more EHC plans are issued within 20 weeks;', 'ehcp-timeliness', 'Areas for priority action')).toEqual(['concern']);
  });

  it('a verbless list fragment says nothing without its lead-in', () => {
    expect(polarity('• timely issuing of EHC plans, and', 'ehcp-timeliness', 'Areas for priority action')).toEqual([]);
  });

  it('boiler-plate sections hold no findings', () => {
    expect(polarity('Children wait too long for wheelchairs.', 'wheelchair-waits', 'Local area partnership details')).toEqual([]);
  });
});

describe('context that is not a finding for this area now', () => {
  it('the previous inspection stated as history is skipped, unless it still holds', () => {
    expect(polarity('At the previous inspection, inspectors found that waits for wheelchairs were too long.', 'wheelchair-waits')).toEqual([]);
    expect(polarity('Waits for wheelchairs found at the previous inspection remain too long.', 'wheelchair-waits')).toEqual(['concern']);
  });

  it('stock phrases of the framework and headings are skipped', () => {
    expect(polarity('AP provides education for children who are at risk of being permanently excluded.', 'alternative-provision')).toEqual([]);
    expect(polarity('Wheelchair waits', 'wheelchair-waits')).toEqual([]);
  });
});

describe('shares and national comparisons', () => {
  it('a strength said of a minority is a concern', () => {
    expect(polarity('Only 40% of EHC plans are issued within 20 weeks.', 'ehcp-timeliness')).toEqual(['concern']);
    expect(polarity('Less than half of EHC plans are issued within the statutory timescale.', 'ehcp-timeliness')).toEqual(['concern']);
    expect(polarity('Most EHC plans are issued within the statutory timescale.', 'ehcp-timeliness')).toEqual(['strength']);
    expect(polarity('Over 90% of EHC plans are issued within 20 weeks.', 'ehcp-timeliness')).toEqual(['strength']);
  });

  it('"only" belittles any share, and "too few" is a minority as well as a failing', () => {
    expect(polarity('Only 65% of new EHC plans are finalised on time.', 'ehcp-timeliness')).toEqual(['concern']);
    expect(polarity('Only 70 per cent of EHC plans are issued within 20 weeks.', 'ehcp-timeliness')).toEqual(['concern']);
    expect(polarity('Too few EHC plans are issued within 20 weeks.', 'ehcp-timeliness')).toEqual(['concern']);
    expect(polarity('Very few EHC plans are issued within the statutory timescale.', 'ehcp-timeliness')).toEqual(['concern']);
    expect(polarity('About 70% of EHC plans are issued within 20 weeks.', 'ehcp-timeliness')).toEqual(['strength']);
  });

  it('below the national average is a strength for an adverse measure, a concern for a benign one', () => {
    expect(polarity('The proportion of young people not in education, employment or training is below the national average.', 'preparation-for-adulthood')).toEqual(['strength']);
    expect(polarity('Suspensions of pupils with SEND are above the national average.', 'exclusions')).toEqual(['concern']);
    expect(polarity('Suspensions of pupils with SEND are below the national average.', 'exclusions')).toEqual(['strength']);
    expect(polarity('Suspensions of pupils with SEND are well above the national average.', 'exclusions')).toEqual(['concern']);
  });
});

describe('plans said not to exist', () => {
  it('"no plan to", "no joint strategy to" state a gap; a plan that exists is still a hedge', () => {
    expect(polarity('There is no joint strategy to reduce waiting times for speech and language therapy.', 'therapy-waits')).toEqual(['concern']);
    expect(polarity('There is a joint strategy to reduce waiting times for speech and language therapy.', 'therapy-waits')).toEqual(['mention']);
  });
});

describe('activity and new structures', () => {
  it('are not strengths, and what the rest of the sentence says is not theirs', () => {
    expect(polarity('Leaders have established a joint commissioning board.', 'joint-commissioning')).toEqual(['mention']);
    expect(polarity('Following feedback that it was difficult to use, leaders have co-produced a new local offer website.', 'local-offer')).toEqual(['mention']);
  });

  it('a result said of the work still counts', () => {
    expect(polarity('Waiting times for speech and language therapy have fallen.', 'therapy-waits')).toEqual(['strength']);
    expect(polarity('The joint commissioning strategy is strong and effective.', 'joint-commissioning')).toEqual(['strength']);
  });
});
