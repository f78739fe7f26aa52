// News pages, minutes and forum posts of our own making: the article's parts (headline, standfirst, byline, date),
// each kind of page clutter dropped, lists written on one line split into items, quoted speech found, and the kind
// of page told apart.
import { describe, expect, it } from 'vitest';
import { splitInlineList } from '../../src/ingest/bullets.js';
import { ingestFile } from '../../src/ingest/index.js';
import { findQuotes } from '../../src/ingest/quotes.js';
import { writeFixture } from './pdf-fixtures.js';

const ingestText = (name: string, lines: string[]) => ingestFile(writeFixture(name, lines.join('\n')));

const BODY = [
  'Inspectors found that families in Eastshire wait far too long for education, health and care plans.',
  'The report said too many children with special educational needs are out of school.',
  'A council spokesperson said: "We accept the findings and have already started to act."',
];

describe('a news page scraped as text', async () => {
  const doc = await ingestText('eastshire-news.txt', [
    'Home', 'News', 'Education', 'Sport',
    'Families wait too long for SEND support in Eastshire',
    'An inspection has found serious failings in support for children with special needs.',
    'By Sam Writer, Education Reporter',
    'Published 14 March 2024, 10:02 GMT',
    'Share',
    BODY[0],
    'Image caption, A classroom in an Eastshire primary school',
    'READ MORE: Eastshire school rated outstanding for the third time',
    BODY[1],
    'WATCH: Parents speak about their fight for support',
    'To play this video you need to enable JavaScript in your browser.',
    'We use cookies to give you the best experience on our website and to show you relevant adverts. Accept all cookies',
    'Sign up to our free daily newsletter to get the biggest stories from Eastshire delivered straight to your inbox every morning.',
    BODY[2],
    'MORE NEWS',
    'Bypass closed for a week after crash',
    'Village fete raises record sum for the hospice',
    '3 hours ago',
    'Sam Writer is an education reporter covering schools and colleges across Eastshire.',
    '12 comments',
    'My daughter has waited two years for her plan. It is a disgrace.',
  ]);
  const lines = doc.text.split('\n');

  it('keeps the headline, the standfirst and the body, in order', () => {
    expect(lines).toEqual([
      'Families wait too long for SEND support in Eastshire',
      'An inspection has found serious failings in support for children with special needs.',
      ...BODY,
    ]);
  });

  it('lifts the byline and date off the text and marks the headline and standfirst', () => {
    expect(doc.kind).toBe('article');
    expect(doc.article?.byline).toBe('Sam Writer, Education Reporter');
    expect(doc.article?.date).toBe('2024-03-14');
    const at = (span: { start: number; end: number } | null | undefined) => span && doc.text.slice(span.start, span.end);
    expect(at(doc.article?.headline)).toBe(lines[0]);
    expect(at(doc.article?.standfirst)).toBe(lines[1]);
  });

  it('makes no section of the headline', () => {
    expect(doc.sections).toEqual([]);
  });

  it('finds the quoted speech', () => {
    expect(doc.quotes?.map((q) => doc.text.slice(q.start, q.end))).toEqual(['"We accept the findings and have already started to act."']);
  });
});

describe('each kind of clutter, alone', () => {
  const kept = 'The council said it would publish its plan within 70 working days.';
  const cases: [string, string[]][] = [
    ['teasers under a heading', ['Related stories', 'School closes early for snow', 'New head for village school']],
    ['an inline teaser', ['RELATED: Council tax to rise by five per cent']],
    ['a page\'s buttons and topic links', ['Save', 'Listen to this article', 'Related internet links', 'Ofsted', 'Related topics', 'Eastshire County Council']],
    ['a newsletter prompt', ['Get the latest education news sent to your inbox: sign up for our weekly newsletter here.']],
    ['a video prompt', ['Video caption, Parents protest outside county hall', 'This video can not be played']],
    ['a cookie prompt', ['This site uses cookies. By continuing to browse you agree to our cookie policy and privacy notice.']],
    ['an app prompt', ['Download our app to get notifications of the stories that matter to you.']],
    ['a time stamp', ['2 days ago']],
    ['an advert break', ['Advertisement', 'Story continues below']],
    ['a forum post\'s buttons and poster details', ['Joined: May 2019', 'Posts: 214', 'Quote', 'Report post', '3 likes']],
    ['a tip-off prompt', ['Got a story about your school? Email us at news@example.com and our reporters will be in touch.']],
    ['an author box', ['Former newspaper reporter and editor, now writing about schools in the county.']],
  ];
  for (const [name, clutter] of cases) {
    it(`drops ${name}`, async () => {
      const doc = await ingestText('clutter.txt', ['Plan for SEND published', kept, ...clutter, kept.replace('70', '35')]);
      expect(doc.text.split('\n')).toEqual(['Plan for SEND published', kept, kept.replace('70', '35')]);
    });
  }

  it('drops headlines of other stories listed with no heading, but not the headline or one heading', async () => {
    const doc = await ingestText('teasers.txt', [
      'Plan for SEND published', kept, 'What happens next', kept.replace('70', '35'), '',
      'Bypass closed for a week after crash', '', 'Village fete raises record sum for the hospice', 'New head teacher named at Eastshire Academy',
    ]);
    expect(doc.text.split('\n')).toEqual(['Plan for SEND published', kept, 'What happens next', kept.replace('70', '35')]);
  });

  it('drops a readers\' comment section and everything after it', async () => {
    for (const opener of ['Have your say', 'Comments (4)', 'View all comments', 'Leave a Reply']) {
      const doc = await ingestText('comments.txt', ['Plan for SEND published', kept, opener, 'Absolutely shameful, my son has no school place.']);
      expect(doc.text).toBe(`Plan for SEND published\n${kept}`);
    }
  });

  it('keeps body sentences that use clutter words in their own sense', async () => {
    const body = [
      'Plan for SEND published',
      'Parents said the council newsletter rarely mentioned the local offer, and more news was promised for the autumn.',
      'Related services, such as speech and language therapy, also had long waits.',
      'The council said: "We will keep families informed through our newsletter and our website."',
      'Sam Smith, a former journalist who now chairs the parent carer forum, said families felt ignored.',
    ];
    expect((await ingestText('body.txt', body)).text.split('\n')).toEqual(body);
  });
});

describe('headings in a text scrape', () => {
  it('knows a short line that is no sentence, or a question, by its shape, and starts a section there', async () => {
    const doc = await ingestText('headings.txt', [
      'Plan for SEND published',
      BODY[0],
      'What does the partnership need to do better?',
      BODY[1],
      'Council response',
      BODY[2],
      'The report found:',
      '\u2022 long waits',
    ]);
    expect(doc.sections.map((s) => s.title)).toEqual(['What does the partnership need to do better?', 'Council response']);
    expect(doc.text.slice(doc.sections[1]!.start, doc.sections[1]!.end)).toBe(`Council response\n${BODY[2]}\nThe report found:\n\u2022 long waits`);
  });
});

describe('lists written on one line', () => {
  it('splits a dash list after a lead-in into items', () => {
    expect(splitInlineList('The report found: - long waits for assessments - weak joint commissioning - poor communication with families')).toEqual([
      'The report found:',
      '\u2022 long waits for assessments',
      '\u2022 weak joint commissioning',
      '\u2022 poor communication with families',
    ]);
  });

  it('splits an odd number of three or more dashes and glyph bullets, even without a lead-in\'s colon', () => {
    expect(splitInlineList('Key issues – waiting times – staffing – school places')).toEqual([
      'Key issues', '\u2022 waiting times', '\u2022 staffing', '\u2022 school places',
    ]);
    expect(splitInlineList('\u2022 plans are late \u2022 reviews are missed')).toEqual(['\u2022 plans are late', '\u2022 reviews are missed']);
  });

  it('leaves prose with dashed asides alone', () => {
    const prose = 'The council – which was criticised in 2019 – said it had improved.';
    expect(splitInlineList(prose)).toEqual([prose]);
    const asides = 'The report – published on Tuesday – found that waits – some of over a year – were too long.';
    expect(splitInlineList(asides)).toEqual([asides]);
  });

  it('gives each item its own line in the clean text, so no item runs into the next', async () => {
    const doc = await ingestText('dashes.txt', [
      'Minutes of the meeting',
      'Inspectors identified these weaknesses: - EHC plans are not issued within 20 weeks - too many pupils are on part-time timetables - there is no joint strategy',
    ]);
    const lines = doc.text.split('\n');
    expect(lines).toContain('\u2022 too many pupils are on part-time timetables');
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThan(70);
  });
});

describe('quoted speech', () => {
  it('pairs marks within a paragraph and carries a quotation over paragraphs that open with a mark', () => {
    const text = ['The leader said: "We are sorry.', '"We will do better."', 'She called it "a wake-up call" and "overdue".'].join('\n');
    const quotes = findQuotes(text).map((q) => [text.slice(q.start, q.end), q.continued]);
    expect(quotes).toEqual([
      ['"We are sorry.', false],
      ['"We will do better."', true],
      ['"a wake-up call"', false],
      ['"overdue"', false],
    ]);
  });
});

describe('quoted speech in single marks', () => {
  it('reads single marks as quotation on a page with no double ones, and never an apostrophe', () => {
    const text = ["'We are sorry for the delays,' said the council's leader.", "Parents' groups called it 'too little, too late'.", "She said: 'We won't stop."].join('\n');
    expect(findQuotes(text).map((q) => text.slice(q.start, q.end))).toEqual([
      "'We are sorry for the delays,'",
      "'too little, too late'",
      "'We won't stop.",
    ]);
  });
});

describe('the kind of page', () => {
  const kindOf = async (name: string, lines: string[]) => (await ingestText(name, lines)).kind;

  it('tells a minutes page by its apologies, members present and resolutions, with no headline', async () => {
    const lines = [
      'Children and Young People Scrutiny Committee',
      'Present: Councillors A Smith (Chair), B Jones and C Patel',
      'Apologies for absence were received from Councillor D Brown.',
      'Item 7 Local area SEND inspection outcome',
      'Members considered the letter following the joint inspection.',
      'RESOLVED that the written statement of action be noted.',
    ];
    const doc = await ingestText('minutes.txt', lines);
    expect(doc.kind).toBe('minutes');
    expect(doc.article?.headline).toBeNull();
  });

  it('drops the link a minutes page puts after an item it cut short', async () => {
    const doc = await ingestText('cut.txt', ['Minutes:', 'RESOLVED that the report be noted.', '\u2022 the feedback said that there was ... view the full minutes text for item 12']);
    expect(doc.text.split('\n').at(-1)).toBe('\u2022 the feedback said that there was');
  });

  it('keeps a news story that names a committee an article', async () => {
    expect(await kindOf('story.txt', ['Council to discuss SEND report', 'The report will go to the scrutiny committee on Monday.', BODY[0]])).toBe('article');
  });

  it('tells a forum post by its furniture, and a parent forum named in a story is no forum post', async () => {
    expect(await kindOf('forum.txt', ['Re: EHCP waits in Eastshire', 'Joined: May 2019', 'Our son has waited 40 weeks for his plan and nobody replies to emails.'])).toBe('blog');
    expect(await kindOf('named.txt', ['Forum welcomes report', 'The Eastshire Parent Carer Forum said the report was fair.', BODY[0]])).toBe('article');
  });
});

describe('a news page as HTML', async () => {
  const page = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Westvale SEND services criticised by inspectors - Westvale Post</title>
<meta property="article:published_time" content="2024-06-20T08:15:00+01:00">
<meta name="author" content="Alex Writer"></head>
<body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<main><article>
<h1>Westvale SEND services criticised by inspectors</h1>
<p>Published 20 June 2024</p>
<figure><img src="x.jpg"><figcaption>Image source, Getty Images</figcaption></figure>
<p>Inspectors found that children in Westvale wait too long for education, health and care plans, with some families waiting more than a year for a decision.</p>
<p>WATCH: Families describe the wait for support</p>
<p>The report said key findings were: - EHC plans are often late - too few specialist places - weak oversight of alternative provision</p>
<p>A spokesperson for Westvale Council said the authority accepted every finding and would publish a plan within 70 working days.</p>
<h2>More on this story</h2>
<ul><li><a href="/1">School transport costs rise again</a></li><li><a href="/2">Council tax set for 2024</a></li></ul>
</article></main>
<footer><p>Follow us on Facebook and sign up for our newsletter to get the latest Westvale news in your inbox.</p></footer>
</body></html>`;
  const doc = await ingestFile(writeFixture('westvale.html', page));
  const lines = doc.text.split('\n');

  it('takes the author and date from the page\'s metadata and the headline from its title', () => {
    expect(doc.article?.byline).toBe('Alex Writer');
    expect(doc.article?.date).toBe('2024-06-20');
    expect(doc.text.slice(doc.article!.headline!.start, doc.article!.headline!.end)).toBe('Westvale SEND services criticised by inspectors');
  });

  it('keeps the body, splits the one-line list, and drops the date line, caption, teasers and prompts', () => {
    expect(lines).toContain('The report said key findings were:');
    expect(lines).toContain('\u2022 too few specialist places');
    expect(doc.text).not.toMatch(/Published 20 June|Getty|WATCH|More on this story|School transport|Council tax|newsletter/);
    expect(lines.at(-1)).toMatch(/^A spokesperson for Westvale Council said/);
  });
});
