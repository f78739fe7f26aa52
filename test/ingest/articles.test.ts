// The 5 shared scraped pages (news articles, council minutes, a blog) lose their web clutter and keep their body.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestFile } from '../../src/ingest/index.js';
import { articlesDir } from '../helpers.js';

const article = (name: string) => join(articlesDir, `${name}.txt`);
const NEWS = article('001_fd3fcef3aa8fd19a');
const NEWS_WITH_COMMENTS = article('003_666addefc975f405');
const MINUTES = article('002_e7f5dec1037370e4');
const BLOG = article('004_10a3ef4d16c68d88');
const BROKEN_LINES = article('000_36aeaaf4453f88b9');

describe('scraped pages', () => {
  it('drops "Read more" links from a news page and keeps its headline and paragraphs', async () => {
    const doc = await ingestFile(NEWS);
    expect(doc.text).not.toMatch(/read more/i);
    expect(doc.text.split('\n')[0]).toMatch(/^'Widespread and systemic failings' revealed in inspection of Derbyshire/);
    expect(doc.text).toContain('What is the area partnership doing that is effective?\n');
    expect(doc.text).toContain('What does the area partnership need to do better?\n');
    expect(doc.pages).toEqual([]);
    // The scrape lost its markup: its question headings are known by their shape, and start sections.
    expect(doc.sections.map((s) => s.title)).toEqual(expect.arrayContaining([
      'What is the area partnership doing that is effective?',
      'What does the area partnership need to do better?',
    ]));
  });

  it('drops breadcrumbs, the author box links and the readers\' comments', async () => {
    const doc = await ingestFile(NEWS_WITH_COMMENTS);
    expect(doc.text).not.toMatch(/You are here|Home > Education|thought on|Comments are closed|IT NEEDS TO STOP|^Top$|https?:\/\//m);
    expect(doc.text).toMatch(/^DAMNING INSPECTION REPORT TRIGGERS ACTION PLEDGE/);
    expect(doc.text).toContain("• high number of pupils with special needs and disabilities who have been permanently excluded from schools\n");
  });

  it('drops the minute-book furniture (document links) and keeps the minutes', async () => {
    const doc = await ingestFile(MINUTES);
    expect(doc.kind).toBe('minutes');
    expect(doc.text).not.toMatch(/pdf icon|82 KB/);
    expect(doc.text).toContain('Meeting: 16/05/2018 - Children and Families Overview and Scrutiny Panel (Item 325)');
    expect(doc.text).toContain('• the local offer was not fit for purpose\n');
    expect(doc.text).not.toMatch(/\n\n|^ | $/m); // no blank lines or stray spaces from the &nbsp; spacer lines
  });

  it('drops a blog\'s tags, reply form and sign-in prompts', async () => {
    const doc = await ingestFile(BLOG);
    expect(doc.kind).toBe('blog');
    expect(doc.text).not.toMatch(/Categories:|Tagged as|Leave a Reply|WordPress\.com|You are commenting|Log Out|Connecting to/);
    expect(doc.text.split('\n').at(-1)).toBe('Worth a try?');
  });

  it('rejoins a sentence the scrape broke over two lines, but not a headline', async () => {
    const doc = await ingestFile(BROKEN_LINES);
    const lines = doc.text.split('\n');
    expect(lines).toContain('The plan must be submitted to Ofsted and the Care Quality Commission within 35 working days of receiving the inspection report.');
    expect(lines.some((l) => l.startsWith('"Leaders recognise that there are improvements that urgently need to be made and'))).toBe(true);
    expect(doc.text).not.toContain('Local Democracy Reporter');
    // Every line is a whole paragraph: the raw file has more lines than the clean text.
    expect(lines.length).toBeLessThan(readFileSync(BROKEN_LINES, 'utf8').split('\n').length);
  });
});
