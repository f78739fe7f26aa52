// Per-sentence precision: each quote must itself state the category and polarity it is cited for. One test per
// linguistic pattern that used to give a wrong finding; every sentence here is written for the test.
import { describe, expect, it } from 'vitest';
import { polarity } from './fixture.js';

describe('trends on adverse and favourable measures', () => {
  it('a falling bad thing is a strength, a rising one a concern, also when a relative clause defines the measure', () => {
    expect(polarity('The share of young adults with SEND who are not in education, employment or training has fallen.', 'preparation-for-adulthood')).toEqual(['strength']);
    expect(polarity('The percentage of care leavers with SEND who are not in education, employment or training is rising.', 'preparation-for-adulthood')).toEqual(['concern']);
    expect(polarity('The proportion of pupils who are excluded from their school is falling.', 'exclusions')).toEqual(['strength']);
  });

  it('a relative clause that only picks out people still measures nothing', () => {
    expect(polarity('Pupils who wait for an autism assessment are given increased support by their school.', 'neurodevelopmental-waits')).toEqual(['mention']);
  });

  it('a rising demand is the setting, not a failing of the service that meets it', () => {
    expect(polarity('The CAMHS team has met the growing demand for assessments with new evening clinics.', 'mental-health-waits')).toEqual(['mention']);
  });

  it('a reduced risk of a bad outcome is a strength', () => {
    expect(polarity('The joint strategy reduces the risk of avoidable admissions to hospital.', 'strategic-leadership')).toEqual(['strength']);
  });
});

describe('hedges and counterfactuals', () => {
  it('what could have happened, or might happen, is not asserted', () => {
    expect(polarity('Earlier help at school could have prevented the need for alternative provision.', 'alternative-provision')).toEqual(['mention']);
    expect(polarity('Some pupils with a hearing impairment might miss out on education if staff are not trained.', 'missing-education')).toEqual(['mention']);
    expect(polarity('As a result, needs may be missed if nurseries do not refer children.', 'missing-education')).toEqual([]);
  });

  it('an expectation of a new body is not a recommendation', () => {
    expect(polarity('Once running, these should give the governance board the challenge it lacks.', 'strategic-leadership')).toEqual(['mention']);
  });

  it('a real recommendation still says the problem exists', () => {
    expect(polarity('Leaders should reduce the need for alternative provision by identifying needs earlier.', 'alternative-provision')).toEqual(['concern']);
  });
});

describe('negation of an adverse thing', () => {
  it('"do not become isolated" denies the harm; a coordinated "and instead are" ends the negation', () => {
    expect(polarity("Leaders' shared understanding ensures that young people do not become isolated and instead are able to join clubs in their town.", 'strategic-leadership')).toEqual(['strength']);
    expect(polarity('Pupils with SEND are not excluded from their mainstream schools.', 'exclusions')).toEqual(['strength']);
  });

  it('a negation that stands far from the adverse thing does not deny it', () => {
    expect(polarity('Leaders do not have oversight of how long children wait for an autism assessment.', 'strategic-leadership')).toEqual(['concern']);
  });
});

describe('neutral uses of cue words', () => {
  it('hearing or raising concerns is not a failing', () => {
    // Leaders hearing families is the opposite of "views not heard": a strength (taxonomy), never a concern.
    expect(polarity('The advice service makes sure that leaders hear the concerns that parents raise.', 'parent-engagement')).toEqual(['mention', 'strength']);
  });

  it('scarce opportunities to do a good thing are a concern, not a strength', () => {
    expect(polarity('There are few opportunities for young people to co-produce the services they use.', 'parent-engagement')).not.toContain('strength');
    expect(polarity('There are limited opportunities to co-produce services with young people.', 'parent-engagement')).toEqual(['concern']);
  });

  it('work that "needs accelerating" is a concern, whatever came before the contrast', () => {
    expect(polarity('Leaders are improving their governance, but this needs accelerating.', 'strategic-leadership')).toEqual(['concern']);
  });

  it('an effect on something else with no good word is not a strength', () => {
    expect(polarity('The growth in special school places is affecting their ability to offer outreach.', 'specialist-places')).toEqual([]);
  });
});

describe('mixed sentences', () => {
  it('a sentence cites a category with one polarity: the point of a contrast is its last clause', () => {
    expect(polarity('While more EHC plans are now issued within 20 weeks, too many families still receive their final plan beyond the statutory timescale.', 'ehcp-timeliness')).toEqual(['concern']);
    expect(polarity('Although too many pupils reach alternative provision with unmet needs, their experience in alternative provision is positive.', 'alternative-provision')).toEqual(['strength']);
  });
});

describe('tangential categories', () => {
  it('"children with an EHC plan do well" says nothing about the quality of plans', () => {
    expect(polarity('Pupils with an EHC plan generally make good progress in reading.', 'ehcp-quality')).toEqual([]);
  });

  it('a word that shares a stem with a category term does not name it', () => {
    expect(polarity('The new service specification for therapy plans was agreed.', 'ehcp-quality')).toEqual([]);
  });

  it('information feeding EHC plan applications is not plan quality', () => {
    expect(polarity('Early help records contribute effectively to EHC plan applications.', 'ehcp-quality')).toEqual([]);
  });

  it('oversight of individual placements, or one service working with another, is not a strategic strength', () => {
    expect(polarity('There is robust oversight of children placed in residential special schools.', 'strategic-leadership')).toEqual([]);
    expect(polarity('Effective multi-agency support helps young people during their transition to adult services.', 'strategic-leadership')).toEqual([]);
    expect(polarity('The partnership works closely with young people to co-produce its SEND strategy.', 'strategic-leadership')).toEqual([]);
  });

  it('a strategic strength stated about the partnership still counts', () => {
    expect(polarity('The partnership has a clear governance structure and a well-understood SEND strategy.', 'strategic-leadership')).toEqual(['strength']);
  });

  it('the dynamic support register watches individual young people: not the partnership\'s strategy', () => {
    expect(polarity('The dynamic support register is well established.', 'strategic-leadership')).toEqual([]);
  });
});

describe('vetoes, hedges and events, read no wider than they are', () => {
  it("a veto inside the rule's own term is part of the term: care plans are vetoed, EHC plans are not", () => {
    expect(polarity('The quality of education, health and care (EHC) plans is poor.', 'ehcp-quality')).toEqual(['concern']);
    expect(polarity('Care plans for children in care are reviewed regularly.', 'ehcp-quality')).toEqual([]);
  });

  it('"could" hedges only in its hedging forms: what children could not get, or could wait, is asserted', () => {
    expect(polarity('Some children could not access speech and language therapy.', 'therapy-waits')).toEqual(['concern']);
    expect(polarity('Children could wait up to two years for speech and language therapy.', 'therapy-waits')).toEqual(['concern']);
    expect(polarity('Earlier help could lead to shorter waits for speech and language therapy.', 'therapy-waits')).toEqual(['mention']);
  });

  it('"lacks" denies what follows it; "lacking" after its subject is itself the concern', () => {
    expect(polarity('The partnership lacks effective strategic oversight.', 'strategic-leadership')).toEqual(['concern']);
    expect(polarity('The SEND strategy lacks clear priorities.', 'strategic-leadership')).toEqual(['concern']);
    expect(polarity('There is a lack of strategic oversight.', 'strategic-leadership')).toEqual(['concern']);
    expect(polarity('Strategic oversight is lacking.', 'strategic-leadership')).toEqual(['concern']);
  });

  it('a review that does not always take place is late, however the sentence words it', () => {
    expect(polarity('Annual reviews do not always take place.', 'ehcp-timeliness')).toEqual(['concern']);
  });
});
