// Web-page clutter around an article's body: navigation, "Read more" links, share buttons, sign-up and cookie
// prompts, bylines and photo credits, tags, bare links, and everything from the comments section on. Told apart from
// the body by general cues (short lines of boilerplate vocabulary, link-like shapes), not by any one site's strings.

// Lines that are clutter whatever their length.
const ALWAYS_CLUTTER: RegExp[] = [
  /^(also |more: )?read (more|next|also)\b/i,
  /^(https?:\/\/|www\.)\S+$/i, // a bare link
  /^(categories|category|tags|tagged( as)?|filed under|posted in)\s*:/i,
  /\b(pdf|docx?|xlsx?|pptx?|odt)( icon)?,? \d+(\.\d+)? ?(kb|mb)\b/i, // a download link with its size
  /^(you are here|skip to (main )?content|back to top|top|menu|search|advertisement|sponsored)$/i,
  /(\s[>»|]\s.*){2}/, // breadcrumbs: Home > News > ...
];

// Boilerplate vocabulary: clutter when the line is short (a long line using these words is body text).
const SHORT_CLUTTER: RegExp[] = [
  /\b(share|tweet|whatsapp|facebook|twitter|linkedin|pinterest|email this|copy link|print this)\b/i,
  /\b(newsletter|sign up|subscribe|log ?in|log out|sign in|register|notify me|follow us)\b/i,
  /\bcookies?\b/i,
  /^(by|written by|posted by|words by|reporter|author)\b/i,
  /^(photo|picture|image|pic|credit)s?( credit)?\s*[:(]|\((photo|picture|image|pic|credit)s?:|getty images|shutterstock|pa media/i,
  /^(related|recommended|most read|popular|trending|more from|more on|latest)\b/i,
  /\b(wordpress\.com|logo|gravatar)\b/i,
];
const SHORT_WORDS = 12;

// The comments section starts here: nothing after it is the article.
const COMMENTS_START =
  /^(\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s+(thoughts?|comments?|responses?|replies)\b|^(leave a (reply|comment)|comments? (are )?closed|add (a|your) comment|post a comment|join the (conversation|discussion)|comments?:?|\d+ comments?)$/i;

/** The lines that belong to the article. Lines must be normalised; blank lines are kept as paragraph breaks. */
export function declutter(lines: string[]): string[] {
  const end = lines.findIndex((line) => COMMENTS_START.test(line));
  return (end < 0 ? lines : lines.slice(0, end)).filter((line) => !line || !isClutter(line));
}

function isClutter(line: string): boolean {
  if (ALWAYS_CLUTTER.some((re) => re.test(line))) return true;
  return line.split(' ').length <= SHORT_WORDS && SHORT_CLUTTER.some((re) => re.test(line));
}
