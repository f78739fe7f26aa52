// 2016-22 letters as PDFs, written for these tests in the published structure of Ofsted and CQC's letters (the words
// are ours): an outcome letter with a written statement of action (WSOA), one without, and a revisit letter.
// Outcome letter: Ofsted's address, the date and addressee, "Dear ...", the title "Joint local area SEND inspection
// in X", the opening "Between <date> and <date>, Ofsted and the Care Quality Commission (CQC) conducted a joint
// inspection of the local area of X ...", how the inspection was done, the WSOA paragraph when one is required
// ("... HMCI has determined that a Written Statement of Action (WSOA) is required ..."), "Main findings", then the
// three aspects (identifying, meeting needs, improving outcomes), each with "Strengths" and "Areas for development",
// and, with a WSOA, the areas of significant weakness it must tackle. Revisit letter: "Joint local area SEND revisit
// in X", "Between ..., Ofsted and the CQC revisited the area of X to decide whether sufficient progress has been
// made ...", the summary ("... made sufficient progress in addressing two of the three significant weaknesses ..."),
// then under "Main findings" each weakness as a bold sub-heading, what inspectors found, and its verdict.
import { buildPdf, type TextLine } from '../ingest/pdf-fixtures.js';

type Block = { heading: string } | { para: string } | { bullet: string };

const TOP = 780;
const BOTTOM = 60;
const PITCH = 14.4;
const GAP = 10;
const WIDTH = 80; // characters per line of 12pt Helvetica on A4 with 72pt margins, roughly

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/** Sets the blocks on A4 pages: headings bold and a point larger (ingest tells bold faces by their width, which
 *  the standard Helvetica pair tells too weakly to rely on here), paragraphs and headings wrapped, bullets indented
 *  with a hanging bullet. */
export function typeset(blocks: Block[]): Buffer {
  const pages: TextLine[][] = [[]];
  let y = TOP;
  const place = (line: Omit<TextLine, 'y'>) => {
    if (y < BOTTOM) {
      pages.push([]);
      y = TOP;
    }
    pages.at(-1)!.push({ ...line, y });
    y -= PITCH;
  };
  for (const block of blocks) {
    if ('heading' in block) {
      for (const text of wrap(block.heading, WIDTH)) place({ x: 72, text, bold: true, size: 13 });
    } else if ('para' in block) {
      for (const text of wrap(block.para, WIDTH)) place({ x: 72, text });
    } else {
      const lines = wrap(block.bullet, WIDTH - 5);
      pages.at(-1)!.push({ x: 72, y: y < BOTTOM ? TOP : y, text: '\x95' });
      for (const text of lines) place({ x: 90, text });
    }
    y -= GAP;
  }
  return buildPdf(pages.map((lines, i) => ({ lines: [...lines, { x: 280, y: 30, text: `${i + 1}`, size: 9 }] })));
}

const ADDRESS: Block[] = [
  { para: 'Piccadilly Gate, Store Street, Manchester M1 2WD' },
  { para: 'T 0300 123 1231 www.gov.uk/ofsted' },
  { para: '14 May 2018' },
  { para: 'Mrs Jane Doe' },
  { para: "Director of Children's Services" },
];

const aspect = (name: string, strengths: string[], development: string[]): Block[] => [
  { heading: `The effectiveness of the local area in ${name}` },
  { heading: 'Strengths' },
  ...strengths.map((bullet) => ({ bullet })),
  { heading: 'Areas for development' },
  ...development.map((bullet) => ({ bullet })),
];

const HOW = [
  'The inspection was led by one of Her Majesty\'s Inspectors from Ofsted, with a team of inspectors including an Ofsted Inspector and a children\'s services inspector from the CQC.',
  'Inspectors spoke with children and young people who have special educational needs and/or disabilities (SEND), parents and carers, and local authority and National Health Service (NHS) officers. They visited a range of providers and spoke to leaders, staff and governors about how they were implementing the reforms.',
];

/** An outcome letter for Rutland that requires a written statement of action. */
export function letterWithWsoa(): Buffer {
  return typeset([
    ...ADDRESS,
    { para: 'Rutland County Council' },
    { para: 'Dear Mrs Doe' },
    { heading: 'Joint local area SEND inspection in Rutland' },
    {
      para: 'Between 5 March 2018 and 9 March 2018, Ofsted and the Care Quality Commission (CQC) conducted a joint inspection of the local area of Rutland to judge the effectiveness of the area in implementing the disability and special educational needs reforms as set out in the Children and Families Act 2014.',
    },
    ...HOW.map((para) => ({ para })),
    {
      para: "As a result of the findings of this inspection and in accordance with the Children Act 2004 (Joint Area Reviews) Regulations 2015, Her Majesty's Chief Inspector (HMCI) has determined that a Written Statement of Action (WSOA) is required because of significant areas of weakness in the local area's practice. HMCI has also determined that the local authority and the area's clinical commissioning group (CCG) are jointly responsible for submitting the written statement to Ofsted.",
    },
    { para: 'This letter outlines our findings from the inspection, including some areas of strength and areas for further improvement.' },
    { heading: 'Main findings' },
    { bullet: 'Leaders do not have an accurate view of how well the area meets the needs of children and young people with SEND.' },
    { bullet: 'Too many education, health and care (EHC) plans are late, and few are completed within 20 weeks.' },
    ...aspect(
      "identifying children and young people's special educational needs and/or disabilities",
      ['Health visitors check the development of young children at the right ages.'],
      ['Families wait more than a year for an assessment of autism spectrum disorder.'],
    ),
    ...aspect(
      'meeting the needs of children and young people who have special educational needs and/or disabilities',
      ['Short breaks are valued by the families who use them.'],
      ['The local offer is hard to find and out of date.'],
    ),
    ...aspect(
      'improving outcomes for children and young people who have special educational needs and/or disabilities',
      ['More young people with SEND go on to further education than did two years ago.'],
      ['Too many pupils with SEND are excluded from school.'],
    ),
    {
      para: 'The inspection raises significant concerns about the effectiveness of the local area. The local area is required to produce and submit a Written Statement of Action to Ofsted that explains how the local area will tackle the following areas of significant weakness:',
    },
    { bullet: 'the timeliness of EHC plans' },
    { bullet: 'the waiting times for assessments of autism spectrum disorder' },
    { bullet: 'the quality and accessibility of the local offer' },
    { para: 'Yours sincerely' },
  ]);
}

/** An outcome letter for Wokingham that does not require one. */
export function letterWithoutWsoa(): Buffer {
  return typeset([
    ...ADDRESS,
    { para: 'Wokingham Borough Council' },
    { para: 'Dear Mrs Doe' },
    { heading: 'Joint local area SEND inspection in Wokingham' },
    {
      para: 'Between 15 January 2019 and 19 January 2019, Ofsted and the Care Quality Commission (CQC) conducted a joint inspection of the local area of Wokingham to judge the effectiveness of the area in implementing the disability and special educational needs reforms as set out in the Children and Families Act 2014.',
    },
    ...HOW.map((para) => ({ para })),
    { para: 'This letter outlines our findings from the inspection, including some areas of strength and areas for further improvement.' },
    { heading: 'Main findings' },
    { bullet: 'Leaders know the area well and have an accurate view of its strengths and weaknesses.' },
    ...aspect(
      "identifying children and young people's special educational needs and/or disabilities",
      ['Needs are identified early through close work between health visitors and early years settings.'],
      ['Some parents find it hard to get an assessment of their child\'s needs.'],
    ),
    ...aspect(
      'meeting the needs of children and young people who have special educational needs and/or disabilities',
      ['EHC plans are completed on time.'],
      ['Speech and language therapy waits are too long.'],
    ),
    ...aspect(
      'improving outcomes for children and young people who have special educational needs and/or disabilities',
      ['Pupils with SEND achieve well at the end of primary school.'],
      ['Too few young people with SEND find paid work.'],
    ),
    { para: 'Yours sincerely' },
  ]);
}

export const REVISIT_WEAKNESSES = [
  'The lack of a strategy for SEND shared by education, health and care leaders',
  'The timeliness of EHC plans',
  'The waiting times for assessments of autism spectrum disorder',
];

/** A revisit letter for Torbay: sufficient progress in two of the three weaknesses. */
export function revisitLetter(): Buffer {
  const verdict = (sufficient: boolean) =>
    `The area has ${sufficient ? '' : 'not '}made sufficient progress in addressing this significant weakness.`;
  return typeset([
    ...ADDRESS,
    { para: 'Torbay Council' },
    { para: 'Dear Mrs Doe' },
    { heading: 'Joint local area SEND revisit in Torbay' },
    {
      para: 'Between 7 June 2021 and 9 June 2021, Ofsted and the Care Quality Commission (CQC) revisited the area of Torbay to decide whether sufficient progress has been made in addressing each of the areas of significant weakness detailed in the inspection report letter published on 2 May 2019.',
    },
    {
      para: "As a result of the findings of the initial inspection and in accordance with the Children Act 2004 (Joint Area Reviews) Regulations 2015, Her Majesty's Chief Inspector (HMCI) determined that a Written Statement of Action (WSOA) was required because of significant areas of weakness in the area's practice. HMCI determined that the local authority and the area's clinical commissioning group (CCG) were jointly responsible for submitting the written statement to Ofsted. This was declared fit for purpose on 30 August 2019.",
    },
    {
      para: 'The area has made sufficient progress in addressing two of the three significant weaknesses identified at the initial inspection. This letter outlines our findings from the revisit.',
    },
    { heading: 'Main findings' },
    { heading: REVISIT_WEAKNESSES[0]! },
    { para: 'Leaders have written a strategy with parents and carers. Partners now plan services together.' },
    { para: verdict(true) },
    { heading: REVISIT_WEAKNESSES[1]! },
    { para: 'Almost all new EHC plans are now completed within 20 weeks.' },
    { para: verdict(true) },
    { heading: REVISIT_WEAKNESSES[2]! },
    { para: 'Children still wait more than 18 months for an assessment. Support while they wait is patchy.' },
    { para: verdict(false) },
    { para: 'Yours sincerely' },
  ]);
}
