import { readFileSync } from 'node:fs';
import { test } from 'vitest';
import { sectionText } from '../../src/facts/sections.js';
import { sentenceSpans } from '../../src/facts/text.js';

test('debug', () => {
  for (const f of ['/tmp/clean/area_send_80432_bolton_30_august_2024.txt', '/tmp/clean/area_send_80458_darlington_04_february_2025.txt']) {
    const sec = sectionText(readFileSync(f, 'utf8'), 'Areas for improvement')!;
    for (const line of sec.split('\n')) {
      console.log('P:', sentenceSpans(line).map((s) => line.slice(s.start, s.end).slice(0, 70)));
    }
  }
});
