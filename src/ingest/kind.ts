// What kind of web text this is, from cheap general cues: council minutes name their meeting furniture; a blog speaks
// in the first person (outside quoted speech) from its opening or calls itself a blog; anything else is an article.
import type { Kind } from '../records.js';

// Case-sensitive: the capitalised forms are the minute-book's labels ("Minutes:", "the Panel"), not prose.
const MINUTES_CUES = [/\bMinutes\b/, /\bAgendas?\b/, /\bMeeting:/, /\bPanel\b/, /\bCommittee\b/, /\bRESOLVED\b|\b[Rr]esolved (that|to)\b/];
const BLOG_CUE = /\bblog(s|ger|ging|post)?\b|\bposted by\b/i;
const FIRST_PERSON = /\b(I|[Mm]y|[Mm]e|[Mm]yself)\b/g;
const QUOTED = /"[^"]*("|$)/g;

export function webKind(lines: string[]): Exclude<Kind, 'report'> {
  const text = lines.join('\n');
  if (MINUTES_CUES.filter((cue) => cue.test(text)).length >= 2) return 'minutes';
  if (BLOG_CUE.test(text)) return 'blog';
  const opening = text.slice(0, Math.ceil(text.length / 2));
  const voice = opening.split('\n').flatMap((line) => line.replace(QUOTED, ' ').match(FIRST_PERSON) ?? []);
  return voice.length >= 2 ? 'blog' : 'article';
}
