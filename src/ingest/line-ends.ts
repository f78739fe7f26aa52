// How a line ends tells whether the text goes on after it: shared by the PDF and the web-text line joiners.

/** Ends a sentence or clause (closing quotes and brackets allowed after the mark): nothing runs on from it. */
export const TERMINATED_RE = /[.!?:;]["'\u2019\u201D)\]]*\s*$/;

/** Ends on a word that needs more after it ("... and", "... of the"). */
export const LINKING_WORD_RE = /\b(and|or|of|the|a|an|to|for|with|in|on|at|by|from|that|which|as|is|are|was|were|be|not)\s*$/i;
