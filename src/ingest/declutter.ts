// Web-page clutter around an article's body: navigation, teasers of other stories ("MORE NEWS" and the headlines
// under it, "Read more: ..."), share buttons, newsletter, app, video and cookie prompts, bylines, dates and photo
// credits, tags, bare links, menus, author boxes, and everything from the comments section on. Told apart from the
// body by general cues (short lines of boilerplate vocabulary, link-like shapes), not by any one site's strings.
import { bylineOf, dateLine } from './article.js';
import { TERMINATED_RE } from './line-ends.js';

// Clutter whatever its length.
const ALWAYS: RegExp[] = [
  /^(also |more: )?read (more|next|also)\b/i,
  // An inline teaser or prompt: a label, then the other story's headline ("WATCH: ...", "RELATED: ...").
  /^(more|related|see also|also see|read next|don'?t miss|watch|listen|video|latest|trending|most read|top stories|recommended|must read|click here)\s*[:|>»]/i,
  /^(https?:\/\/|www\.)\S+$/i, // a bare link
  /^(categories|category|tags|tagged( as)?|filed under|posted in)\s*:/i,
  /\b(pdf|docx?|xlsx?|pptx?|odt)( icon)?,? \d+(\.\d+)? ?(kb|mb)\b/i, // a download link with its size
  /^(you are here|skip to (main )?content|back to top|top|menu|search|advertisement|advert|sponsored|share|share this( article| page| story)?|save|print|email|listen( to this article)?)$/i,
  // A forum post's furniture: its buttons and the poster's details.
  /^(reply|quote|report( post| this post| abuse)?|like|permalink|#\d+|\d+ (likes?|replies|views)|(reply|post) #?\d+.*)$/i,
  /^(joined|posts|member since|location|reputation|messages)\s*:\s*\S.{0,30}$/i,
  /^((the )?(story|article) continues below( this)?( advert(isement)?)?|continue reading( (the )?(main )?(story|article))?|scroll to continue)\.?$/i,
  /(\s[>»|]\s.*){2}/, // breadcrumbs: Home > News > ...
  /^(media|video|image|picture) (caption|source|credit)\b/i, // captions and credits of a page's pictures and videos
  /\b(enable javascript|browser does not support|this (video|content) (can ?not|is not available|isn'?t available)|to play this (video|content))\b/i,
  /\bcookies?\b.*\b(accept|consent|settings|preferences|browser|experience|privacy|policy)\b|\b(accept|consent to|manage|allow)( all)? cookies\b/i,
  /^(\d+|an?) (seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?) ago$/i, // a teaser's time stamp
];
// An author box: "Sam Reporter is a former newspaper journalist..." / "Former newspaper editor, now ...". Body text
// may introduce a speaker so ("Sam Smith, a former reporter, said"), so a line that quotes or reports speech is not one.
const AUTHOR_BOX: RegExp[] = [
  /^\p{Lu}\p{Ll}+ \p{Lu}[\p{L}'-]+,? (is |was )?(a |an |the )?([\p{L}-]+ ){0,4}(journalist|reporter|correspondent|editor|writer|columnist)\b/u,
  /^(former|freelance|award-winning|retired|veteran) ([\p{L}-]+ ){0,3}(journalist|reporter|correspondent|editor|writer|columnist)\b/iu,
];
const SPEECH = /"|\b(said|says|told|added)\b/;
// A newsletter, app or social prompt speaks to the reader: clutter up to this many words, unless it reports speech
// ("We will keep families informed through our newsletter," she said).
const READER_PROMPT = /\b(newsletters?|inbox|subscribe|subscription|sign up|sign-up|notifications|our app|in the comments|comment below|let us know what you think|got a story|email us|contact our newsdesk|get in touch with us)\b/i;
const SECOND_PERSON = /\b(you|your|our)\b/i;
const PROMPT_WORDS = 40;
// Prompts: clutter when short, sentence or not.
const PROMPTS: RegExp[] = [/\bcookies?\b/i, /\b(newsletter|sign up|subscribe)\b/i];
// Links and labels: clutter when short and not a sentence ("Share your views by 5 May." is body text).
const LINKS: RegExp[] = [
  /\b(share|tweet|whatsapp|facebook|twitter|linkedin|pinterest|email this|copy link|print this)\b/i,
  /\b(log ?in|log out|sign in|register|notify me|follow us)\b/i,
  /^(photo|picture|image|pic|credit)s?( credit)?\s*[:(]|\((photo|picture|image|pic|credit)s?:|getty images|shutterstock|pa media/i,
  /^(related|recommended|most read|popular|trending|more from|more on|latest)\b/i,
  /\b(wordpress\.com|logo|gravatar)\b/i,
];
const SHORT_WORDS = 12;
// No clutter runs longer (an author box is the longest): a longer line is body text, and is spared every pattern.
const LONGEST_CLUTTER = 100;
// A menu: this many short lines (a few words, no sentence end) in a row.
const MENU_RUN = 3;
const MENU_WORDS = 4;

// A heading over teasers of other stories: the lines under it that read as headlines go with it.
const TEASERS_START =
  /^(more (news|stories|top stories|on this( story)?|from [\p{L} ]+)|related( (stories|articles|links|internet links|topics|content|news|reading))?|top stories|most (read|viewed|popular|commented|shared|watched)|you (may|might) (also )?(like|be interested in|have missed)|in other news|around the (web|region|county)|(promoted|sponsored|recommended) (stories|content|links|for you)|elsewhere on [\p{L} ]+|latest (news|stories)|what'?s (new|happening)|also in the news|trending( now)?)\s*:?$/iu;

// The comments section starts here: nothing after it is the article.
const COMMENTS_START =
  /^(\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s+(thoughts?|comments?|responses?|replies)\b|^(leave a (reply|comment)|comments? (are )?closed|add (a|your) comment|post a comment|join the (conversation|discussion|debate)|have your say|reader'?s'? comments|(view|show|see|read) (all )?(\d+ )?comments|most recent comments|comments are (moderated|subject to)|comments?:?|comments? \(\d+\)|\d+ comments?)$/i;

/**
 * The lines that belong to the article. Lines must be normalised; blank lines are kept as paragraph breaks. A text
 * scrape has lost the page's links, so there headlines of other stories are known by their shape alone.
 */
export function declutter(lines: string[], scraped = false): string[] {
  const end = lines.findIndex((line) => COMMENTS_START.test(line));
  const kept: string[] = [];
  const headlines = new Set<string>();
  for (const line of dropTeasers(end < 0 ? lines : lines.slice(0, end)).map(withoutLinkTail)) {
    if (!line || !isClutter(line)) kept.push(line);
    // The line above a byline or date is a headline, however short, not the end of a menu.
    else if (bylineOf(line) !== null || dateLine(line) !== null) {
      const above = kept.findLast(Boolean);
      if (above) headlines.add(above);
    }
  }
  const unmenued = dropMenus(kept, headlines);
  return scraped ? dropHeadlineRuns(unmenued) : unmenued;
}

// Headlines of other stories, listed with no heading over them: this many lines in a row, each of a few words with no
// sentence end and no bullet, once the body has begun (a headline, a minute-book's labels may stand so at the top).
const HEADLINE_RUN = 3;
const HEADLINE_WORDS = { min: 3, max: 20 };

function dropHeadlineRuns(lines: string[]): string[] {
  const isHeadline = (line: string) => {
    const words = line.split(' ').length;
    return !TERMINATED_RE.test(line) && !line.startsWith('\u2022 ') && words >= HEADLINE_WORDS.min && words <= HEADLINE_WORDS.max;
  };
  const bodyStart = lines.findIndex((line) => TERMINATED_RE.test(line));
  const out: string[] = [];
  let run: string[] = [];
  const flush = () => {
    if (run.filter(Boolean).length < HEADLINE_RUN) out.push(...run);
    run = [];
  };
  lines.forEach((line, i) => {
    // A blank line between teasers does not end their run.
    if ((bodyStart >= 0 && i > bodyStart && isHeadline(line)) || (line === '' && run.length > 0)) return void run.push(line);
    flush();
    out.push(line);
  });
  flush();
  return out;
}

// A link a page's software puts after text it cut short ("... view the full minutes text for item 325").
const LINK_TAIL =
  /\s*(?:(?:\.\.\.|\u2026)\s*(?:view|read|see) the full \w+(?: text)?(?: for item \d+)?|(?:view|read|see) the full (?:minutes|decision) text for item \d+)\s*$/i;

const withoutLinkTail = (line: string) => line.replace(LINK_TAIL, '');

/** Clutter by itself, wherever it stands: a link, label, prompt, byline, date line or caption. */
export function isClutter(line: string): boolean {
  const words = line.split(' ').length;
  if (words > LONGEST_CLUTTER) return false;
  if (ALWAYS.some((re) => re.test(line))) return true;
  if (bylineOf(line) !== null || dateLine(line) !== null) return true;
  const speech = SPEECH.test(line);
  if (!speech && AUTHOR_BOX.some((re) => re.test(line))) return true;
  if (!speech && words <= PROMPT_WORDS && READER_PROMPT.test(line) && SECOND_PERSON.test(line)) return true;
  if (words > SHORT_WORDS) return false;
  return PROMPTS.some((re) => re.test(line)) || (!TERMINATED_RE.test(line) && LINKS.some((re) => re.test(line)));
}

/**
 * Drops each teasers heading and the headlines (no full stop) and time stamps under it, up to the first sentence:
 * body text, or a teaser's summary, which tells of another story and so rarely of this one's findings.
 */
function dropTeasers(lines: string[]): string[] {
  const out: string[] = [];
  let inTeasers = false;
  for (const line of lines) {
    if (TEASERS_START.test(line)) {
      inTeasers = true;
      continue;
    }
    const teaser = line === '' || !TERMINATED_RE.test(line) || isClutter(line);
    inTeasers &&= teaser;
    if (!inTeasers) out.push(line);
  }
  return out;
}

const isMenuItem = (line: string) => line !== '' && line.split(' ').length <= MENU_WORDS && !TERMINATED_RE.test(line);

/** Drops runs of MENU_RUN or more consecutive menu-item lines. */
function dropMenus(lines: string[], headlines: Set<string>): string[] {
  const out: string[] = [];
  let run: string[] = [];
  const flush = () => {
    if (run.length < MENU_RUN) out.push(...run);
    run = [];
  };
  for (const line of lines) {
    if (isMenuItem(line) && !headlines.has(line)) {
      run.push(line);
      continue;
    }
    flush();
    out.push(line);
  }
  flush();
  return out;
}
