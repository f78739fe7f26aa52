// HTML pages and text scrapes of our own making: the main content only, paragraphs on lines, headings as sections,
// and the kind of page told from general cues.
import { describe, expect, it } from 'vitest';
import { ingestFile } from '../../src/ingest/index.js';
import { writeFixture } from './pdf-fixtures.js';

const PARAGRAPHS = [
  'Inspectors from Ofsted and the Care Quality Commission found that children with special educational needs in ' +
    'Northtown wait too long for education, health and care plans, with some families waiting more than a year.',
  'The report said that leaders "have not acted quickly enough" to reduce the waiting times for speech and ' +
    'language therapy, and that too many pupils are placed on part-time timetables.',
  'The council said it accepted the findings in full and would publish an improvement plan within 70 working days.',
];

const NEWS_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Families wait too long for SEND support, inspectors find | Northtown News</title></head>
<body>
  <header><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav></header>
  <div class="cookie-banner">We use cookies to improve your experience. <button>Accept cookies</button></div>
  <main>
    <article>
      <h1>Families wait too long for SEND support, inspectors find</h1>
      <p class="byline">By Sam Reporter, Local Democracy Reporter</p>
      <div class="share"><a href="#">Share on Facebook</a> <a href="#">Share on Twitter</a></div>
      <p>${PARAGRAPHS[0]}</p>
      <p>READ MORE: <a href="/other">Northtown school rated good by Ofsted</a></p>
      <h2>What the inspectors found</h2>
      <p>${PARAGRAPHS[1]}</p>
      <ul><li>EHC plans are late.</li><li>Waiting lists for therapy are long.</li></ul>
      <p>${PARAGRAPHS[2]}</p>
    </article>
    <aside><h3>Most read</h3><ul><li><a href="/a">Road closed for a week</a></li><li><a href="/b">New cafe opens</a></li></ul></aside>
  </main>
  <section id="comments"><h3>3 comments</h3><p>I waited two years for my son's plan. Disgraceful.</p></section>
  <footer><p>Sign up to our newsletter</p><p>© Northtown News 2024</p></footer>
</body></html>`;

describe('HTML pages', async () => {
  const doc = await ingestFile(writeFixture('northtown-news.html', NEWS_PAGE));
  const lines = doc.text.split('\n');

  it('keeps the article: its title, paragraphs, list items and headings, each on a line', () => {
    expect(lines[0]).toBe('Families wait too long for SEND support, inspectors find');
    for (const paragraph of PARAGRAPHS) expect(lines).toContain(paragraph);
    expect(lines).toContain('• EHC plans are late.');
    expect(lines).toContain('• Waiting lists for therapy are long.');
  });

  it('drops navigation, cookie and sign-up prompts, share links, "Read more" links, bylines and comments', () => {
    expect(doc.text).not.toMatch(/Sport|cookies|Share on|READ MORE|Sam Reporter|Most read|newsletter|waited two years/i);
  });

  it('makes the headings sections (the headline is the article\'s own), and classifies the page as an article', () => {
    expect(doc.sections.map((s) => s.title)).toEqual(['What the inspectors found']);
    expect(doc.text.slice(doc.sections[0]!.start, doc.sections[0]!.end)).toMatch(/^What the inspectors found\nThe report said/);
    expect(doc.kind).toBe('article');
    expect(doc.pages).toEqual([]);
  });
});

describe('text scrapes', () => {
  it('drops menus and link lines but keeps body sentences that use the same words', async () => {
    const scrape = [
      'Home', 'News', 'Schools', 'Contact us',
      'Council plan for SEND published',
      'By Sam Reporter, Education Correspondent',
      'Share on Facebook',
      'By March 2024 the council must publish its plan.',
      'Parents can share their views with the council until 5 May.',
      'Sign up to our newsletter',
      'Register of interests',
    ].join('\n');
    const doc = await ingestFile(writeFixture('scrape.txt', scrape));
    expect(doc.text.split('\n')).toEqual([
      'Council plan for SEND published',
      'By March 2024 the council must publish its plan.',
      'Parents can share their views with the council until 5 May.',
    ]);
  });
});

describe('the kind of web text', () => {
  const kindOf = async (name: string, text: string) => (await ingestFile(writeFixture(name, text))).kind;

  it('tells council minutes by their meeting furniture', async () => {
    const minutes = 'Agenda item 6\nMeeting: Children and Young People Scrutiny Committee\nMinutes:\nThe Committee considered the inspection letter.\nRESOLVED that the report be noted.\n';
    expect(await kindOf('minutes.txt', minutes)).toBe('minutes');
  });

  it('tells a blog by its first-person voice or by calling itself one, not by quoted speech', async () => {
    const voice = 'Our SEND story\nI have written here before about our fight for an EHC plan.\nMy son waited a year for his assessment.\nThe council has now been inspected.\n';
    expect(await kindOf('voice.txt', voice)).toBe('blog');
    const posted = 'Inspection published\nPosted by the parent forum on 3 May\nThe inspection report was published today.\n';
    expect(await kindOf('posted.txt', posted)).toBe('blog');
    const html = `<html><body><article><h1>Inspection published</h1><p>Posted by the parent forum on 3 May.</p><p>${PARAGRAPHS[0]}</p><p>${PARAGRAPHS[2]}</p></article></body></html>`;
    expect(await kindOf('posted.html', html)).toBe('blog');
    const quoted = 'Council apologises\nThe leader said: "I am sorry, and my team will fix this."\nThe report found long waits.\nParents said "my child is still waiting".\n';
    expect(await kindOf('quoted.txt', quoted)).toBe('article');
  });

  it('reads text that is not UTF-8 as Windows-1252', async () => {
    const bytes = Buffer.from('Council\u2019s plan\nThe council\u2019s plan was published on Monday.\n', 'utf8');
    const latin = Buffer.from(bytes.toString('utf8').replace(/\u2019/g, '\x92'), 'latin1');
    const doc = await ingestFile(writeFixture('latin.txt', latin));
    expect(doc.text).toContain("The council's plan was published on Monday.");
  });
});
