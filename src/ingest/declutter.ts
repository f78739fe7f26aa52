// Web-page clutter around an article's body: navigation, "Read more" links, share buttons, sign-up and cookie
// prompts, bylines and photo credits, tags, bare links, menus, and everything from the comments section on. Told
// apart from the body by general cues (short lines of boilerplate vocabulary, link-like shapes), not by any one
// site's strings.
import { TERMINATED_RE } from './line-ends.js';

// Clutter whatever its length.
const ALWAYS: RegExp[] = [
  /^(also |more: )?read (more|next|also)\b/i,
  /^(https?:\/\/|www\.)\S+$/i, // a bare link
  /^(categories|category|tags|tagged( as)?|filed under|posted in)\s*:/i,
  /\b(pdf|docx?|xlsx?|pptx?|odt)( icon)?,? \d+(\.\d+)? ?(kb|mb)\b/i, // a download link with its size
  /^(you are here|skip to (main )?content|back to top|top|menu|search|advertisement|sponsored)$/i,
  /(\s[>»|]\s.*){2}/, // breadcrumbs: Home > News > ...
];
// Prompts: clutter when short, sentence or not.
const PROMPTS: RegExp[] = [/\bcookies?\b/i, /\b(newsletter|sign up|subscribe)\b/i];
// Links and labels: clutter when short and not a sentence ("Share your views by 5 May." is body text).
const LINKS: RegExp[] = [
  /\b(share|tweet|whatsapp|facebook|twitter|linkedin|pinterest|email this|copy link|print this)\b/i,
  /\b(log ?in|log out|sign in|register|notify me|follow us)\b/i,
  /^([Bb]y|[Ww]ritten by|[Pp]osted by|[Ww]ords by)\s+\p{Lu}\p{Ll}+\s+\p{Lu}/u, // a byline: "By Sam Reporter, ..."
  /^(photo|picture|image|pic|credit)s?( credit)?\s*[:(]|\((photo|picture|image|pic|credit)s?:|getty images|shutterstock|pa media/i,
  /^(related|recommended|most read|popular|trending|more from|more on|latest)\b/i,
  /\b(wordpress\.com|logo|gravatar)\b/i,
];
const SHORT_WORDS = 12;
// A menu: this many short lines (a few words, no sentence end) in a row.
const MENU_RUN = 3;
const MENU_WORDS = 4;

// The comments section starts here: nothing after it is the article.
const COMMENTS_START =
  /^(\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s+(thoughts?|comments?|responses?|replies)\b|^(leave a (reply|comment)|comments? (are )?closed|add (a|your) comment|post a comment|join the (conversation|discussion)|comments?:?|\d+ comments?)$/i;

/** The lines that belong to the article. Lines must be normalised; blank lines are kept as paragraph breaks. */
export function declutter(lines: string[]): string[] {
  const end = lines.findIndex((line) => COMMENTS_START.test(line));
  const kept = (end < 0 ? lines : lines.slice(0, end)).filter((line) => !line || !isClutter(line));
  return dropMenus(kept);
}

function isClutter(line: string): boolean {
  if (ALWAYS.some((re) => re.test(line))) return true;
  if (line.split(' ').length > SHORT_WORDS) return false;
  return PROMPTS.some((re) => re.test(line)) || (!TERMINATED_RE.test(line) && LINKS.some((re) => re.test(line)));
}

const isMenuItem = (line: string) => line !== '' && line.split(' ').length <= MENU_WORDS && !TERMINATED_RE.test(line);

/** Drops runs of MENU_RUN or more consecutive menu-item lines. */
function dropMenus(lines: string[]): string[] {
  const out: string[] = [];
  let run: string[] = [];
  const flush = () => {
    if (run.length < MENU_RUN) out.push(...run);
    run = [];
  };
  for (const line of lines) {
    if (isMenuItem(line)) {
      run.push(line);
      continue;
    }
    flush();
    out.push(line);
  }
  flush();
  return out;
}
