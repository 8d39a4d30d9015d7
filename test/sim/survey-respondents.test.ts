import assert from 'node:assert/strict';
import { parseAnswers } from '../../core/survey-answers.js';
import { findTemplate, SURVEY_TEMPLATES } from '../../core/survey-templates/index.js';
import type { SurveyDefinition } from '../../core/survey.js';
import { generateMunicipality } from '../../sim/municipality.js';
import { simulatedResponse, teamsEngagement, unitTendency, type SimulatedResponse } from '../../sim/survey-respondents.js';

describe('simulator: how staff answer pulse surveys', () => {
  const seed = 'digipuls';
  const fjordvik = generateMunicipality({ staff: 2000, seed });
  const digital = findTemplate('digital-work-environment')!.definition;
  const weekly = findTemplate('weekly-pulse')!.definition;
  const responses = (definition: SurveyDefinition, round: number, s = seed) =>
    fjordvik.people.map((person) => ({ person, response: simulatedResponse(definition, person, s, round) }));
  const answered = (rows: ReturnType<typeof responses>) => rows.filter((r): r is { person: (typeof r)['person']; response: SimulatedResponse } => r.response !== null);
  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;

  it('answers the same for the same seed and round, and differently for another seed or round', () => {
    assert.deepEqual(responses(digital, 1), responses(digital, 1));
    const once = responses(digital, 1).map((r) => r.response);
    assert.notDeepEqual(responses(digital, 1, 'another').map((r) => r.response), once);
    assert.notDeepEqual(responses(digital, 2).map((r) => r.response), once);
  });

  it('gives every unit an answer rate between 35 and 85 %, which the answers follow', () => {
    const departments = [...new Set(fjordvik.people.map((p) => p.department))];
    const rates = departments.map((d) => unitTendency(seed, d).answerRate);
    assert.ok(rates.every((r) => r >= 0.35 && r <= 0.85), `rates ${Math.min(...rates)}–${Math.max(...rates)}`);
    assert.ok(Math.min(...rates) < 0.5 && Math.max(...rates) > 0.7, 'units differ');
    // Over ten rounds, the share who answer is the people-weighted mean of their units' rates.
    const expected = mean(fjordvik.people.map((p) => unitTendency(seed, p.department).answerRate));
    const shares = Array.from({ length: 10 }, (_, i) => answered(responses(weekly, i + 1)).length / fjordvik.people.length);
    assert.ok(Math.abs(mean(shares) - expected) < 0.03, `answered ${mean(shares).toFixed(3)}, expected ${expected.toFixed(3)}`);
  });

  it('submits only values the card could send and parseAnswers accepts, for every template', () => {
    for (const template of SURVEY_TEMPLATES) {
      for (const round of [1, 2, 5]) {
        for (const { response } of answered(responses(template.definition, round))) {
          assert.ok(Object.values(response.answers).every((v) => typeof v === 'string'), 'card inputs are strings');
          const parsed = parseAnswers(template.definition, response.answers);
          assert.ok(parsed.ok, `${template.id}: ${JSON.stringify(response.answers)} → ${JSON.stringify(!parsed.ok && parsed.problems)}`);
        }
      }
    }
  });

  it('skips optional questions sometimes, and a few write a short text with no names in it', () => {
    const rows = answered(responses(digital, 1));
    const texts = rows.map((r) => r.response.answers['one-thing']).filter((t): t is string => t !== undefined);
    assert.ok(texts.length > rows.length * 0.05 && texts.length < rows.length * 0.3, `${texts.length} texts from ${rows.length}`);
    assert.ok(texts.every((t) => t.length <= 120));
    const names = new Set(fjordvik.people.flatMap((p) => [p.givenName, p.surname]));
    for (const text of new Set(texts)) for (const word of text.split(/[^\p{L}-]+/u)) assert.ok(!names.has(word) || word === 'Teams', `"${word}" in "${text}"`);
    // Swedish speakers write in Swedish.
    const swedish = rows.filter((r) => r.person.preferredLanguage === 'sv-SE' && r.response.answers['one-thing']);
    assert.ok(swedish.length > 0 && swedish.every((r) => /[åäö]|Fler|Mötesfria|Snabbare/.test(r.response.answers['one-thing']!)));
  });

  it('units that use Teams less report more IT stress, less information reaching them, and more paper and leaders', () => {
    const byUnit = new Map<string, { people: number; onTeams: number; rows: SimulatedResponse[] }>();
    for (const person of fjordvik.people) {
      const unit = byUnit.get(person.department ?? '') ?? { people: 0, onTeams: 0, rows: [] };
      unit.people++;
      if (teamsEngagement(seed, person) > 0) unit.onTeams++;
      byUnit.set(person.department ?? '', unit);
    }
    for (const { person, response } of answered(responses(digital, 1))) byUnit.get(person.department ?? '')!.rows.push(response);
    const units = [...byUnit.values()].filter((u) => u.rows.length >= 8).sort((a, b) => a.onTeams / a.people - b.onTeams / b.people);
    const third = Math.floor(units.length / 3);
    const [low, high] = [units.slice(0, third), units.slice(-third)];
    const score = (group: typeof units, question: string) => mean(group.flatMap((u) => u.rows.map((r) => Number(r.answers[question]))));
    const share = (group: typeof units, option: string) => mean(group.flatMap((u) => u.rows.map((r) => (r.answers['information-channel']!.split(',').includes(option) ? 1 : 0))));
    const onTeams = (group: typeof units) => mean(group.map((u) => u.onTeams / u.people));
    assert.ok(onTeams(high) - onTeams(low) > 0.3, `on Teams: low ${onTeams(low).toFixed(2)}, high ${onTeams(high).toFixed(2)}`);
    assert.ok(score(high, 'information') - score(low, 'information') > 0.5, `information: low ${score(low, 'information').toFixed(2)}, high ${score(high, 'information').toFixed(2)}`);
    assert.ok(score(high, 'it-stress') > score(low, 'it-stress') + 0.3, 'more IT stress (a lower score) where Teams is used less');
    assert.ok(share(low, 'paper') > share(high, 'paper') + 0.15 && share(low, 'leader') > share(high, 'leader'), `paper ${share(low, 'paper').toFixed(2)} / ${share(high, 'paper').toFixed(2)}, leader ${share(low, 'leader').toFixed(2)} / ${share(high, 'leader').toFixed(2)}`);
    assert.ok(share(high, 'teams') > share(low, 'teams') + 0.3);
  });

  it('improves mildly from round to round', () => {
    const information = (round: number) => mean(answered(responses(weekly, round)).map((r) => Number(r.response.answers.information)));
    const [first, fifth] = [information(1), information(5)];
    assert.ok(fifth - first > 0.1 && fifth - first < 0.6, `round 1 ${first.toFixed(2)}, round 5 ${fifth.toFixed(2)}`);
  });
});
