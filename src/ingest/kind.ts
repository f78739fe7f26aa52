// What kind of web text this is, from cheap general cues: council minutes name their meeting furniture; a blog or
// forum post calls itself one, says who posted it (a line dropped from the clean text, so looked for in the page as
// scraped), carries a forum's post furniture, or speaks in the first person (outside quoted speech) from its opening;
// anything else is an article.
import type { Kind } from '../records.js';

// Case-sensitive: the capitalised forms are the minute-book's labels ("Minutes:", "the Panel"), not prose. A news
// story may name a committee, so it takes two.
const MINUTES_CUES = [
  /\bMinutes\b/,
  /\bAgendas?\b|\bAgenda [Ii]tem\b/,
  /\bMeeting:|\bMeeting of the\b|\bMeeting held\b/,
  /\bPanel\b/,
  /\bCommittee\b/,
  /\bRESOLVED\b|\b[Rr]esolved (that|to)\b/,
  /^(Apologies|Apologies for absence)\b|\bApologies for absence\b/m,
  /^(Present|Members present|Councillors present|In attendance)\s*:/im,
  /\bDeclarations? of (pecuniary |other )?interests?\b/,
  /^(Minute|Item)\s+(No\.?\s*)?\d+/m,
];
const MINUTES_NEEDED = 2;
const BLOG_CUE = /\bblog(s|ger|ging|post)?\b/i;
const POSTED_BY = /^\s*posted by\b/im;
// A forum post's furniture: "Re: ...", "Quote from X", "Joined: May 2019", "Posts: 214", "Original poster".
const FORUM_FURNITURE = /^(re:\s|quote( from| originally posted by)?\b)|^(joined|posts|member since|reputation)\s*:?\s*\S+$|\boriginal poster\b/im;
const FIRST_PERSON = /\b(I|[Mm]y|[Mm]e|[Mm]yself)\b/g;
const QUOTED = /"[^"]*("|$)/g;
// The opening: the first half of the lines, and at least this many.
const OPENING_LINES = 5;

/** The kind, from the clean lines and the page's lines as scraped. */
export function webKind(lines: string[], scraped: string[]): Exclude<Kind, 'report'> {
  const text = lines.join('\n');
  if (MINUTES_CUES.filter((cue) => cue.test(text)).length >= MINUTES_NEEDED) return 'minutes';
  if (BLOG_CUE.test(text) || scraped.some((line) => POSTED_BY.test(line) || FORUM_FURNITURE.test(line))) return 'blog';
  const opening = lines.slice(0, Math.max(OPENING_LINES, Math.ceil(lines.length / 2)));
  const voice = opening.flatMap((line) => line.replace(QUOTED, ' ').match(FIRST_PERSON) ?? []);
  return voice.length >= 2 ? 'blog' : 'article';
}
