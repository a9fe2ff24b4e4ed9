/**
 * Sentence-level judgements shared by the mental-health and substance analysers: is a term negated
 * ("denies self-harm", "no history of …", "thoughts of suicide: none reported"), and is it about
 * somebody else ("his mother's depression", "her father, who has schizophrenia")?
 *
 * Both work on ONE sentence and a term's offsets RELATIVE to that sentence, so callers only run them on
 * sentences a lexicon already hit (`doc.hits`), and can cache the answer by sentence text. Cheap regular
 * expressions decide almost every case. compromise (≈40 µs a word, far too slow for whole documents) is
 * consulted only when a coordinating "and"/"or" sits between a negation cue and the term and the word
 * after it is not obviously a verb or a noun — the one place where part-of-speech decides the scope:
 * "never self-harmed and reported no thoughts…" vs "does not drink and has been depressed since May".
 */
import nlp from 'compromise';
import { TextMemo, SENTENCES } from './memo.js';

// ---------------------------------------------------------------------------------------------------
// Negation

/** Cues before a term that negate it within the same clause. "no longer" and "not only" are not negation. */
const NEG_BEFORE =
  /\b(?:no(?!\s+longer\b)|cannot|not(?!\s+only\b|\s+just\b)|never|nor|without|neither|none|nothing|den(?:y|ies|ied|ying)|free (?:from|of)|ruled out|nil)\b|n['’]t\b/gi;

/** Cues just after a term ("suicidal thoughts, none reported", "self-harm was denied"). */
const NEG_AFTER =
  /^[\s,:–—-]*(?:[\w'’-]+[,:]?\s+){0,8}?(?:(?:was|were|is|are|has been|have been|(?:s?he|they) (?:described|reported|disclosed|had|has))\s+)?(?:denied|none(?:\s+(?:reported|disclosed|known|noted))?|nil|not\s+(?:reported|present|disclosed|evident|indicated|identified|known)|ruled out)\b/i;

/** Clause breaks that end the reach of a negation cue. Plain commas do not ("no depression, anxiety or psychosis"). */
const CLAUSE_BREAK =
  /[;:()]|[,–—]\s*(?:but|although|though|whereas|however|while|which|who|and|so|yet|\w+ing)\b|\s(?:but|although|though|whereas|however|because|until|unless|yet|except|when|after)\s|\s(?:as|since) (?:he|she|they)\b/gi;

/** Words after "and"/"or" that clearly start a new verb phrase with an elided subject. */
const VERB_AFTER_AND =
  /^(?:has|had|have|is|was|were|are|says|said|reports|reported|describes|described|admits|admitted|accepts|accepted|told|feels|felt|became|becomes|started|stopped|went|goes|takes|took|uses|used|drinks|drank|lives|lived|works|worked|relies|is|seems|seemed|appears|appeared|would|will|can|could|may|might)\b/i;
/** Words after "and"/"or" that clearly continue a coordinated noun phrase under the same negation. */
const NOUN_AFTER_AND = /^(?:any|no|self|suicid|thoughts?|feelings?|history|anxiety|depress|psych|paranoi|voices|mental|harm|ideation|intent|plans?|concerns?|needs?|symptoms?|treatment|medication|diagnos)/i;

interface Tagged {
  start: number;
  verb: boolean;
  adverb: boolean;
}
const posCache = new TextMemo<Tagged[]>(SENTENCES);
/** compromise's part-of-speech for each word of a sentence (relative offsets); cached per sentence text. */
function tagged(sentence: string): Tagged[] {
  let list = posCache.get(sentence);
  if (list) return list;
  const json = nlp(sentence).json({ offset: true, terms: { offset: true } }) as {
    terms: { tags: string[]; offset: { start: number } }[];
  }[];
  list = json.flatMap((s) => s.terms.map((t) => ({ start: t.offset.start, verb: t.tags.includes('Verb'), adverb: t.tags.includes('Adverb') })));
  posCache.set(sentence, list);
  return list;
}

/** Whether the first non-adverb word at or after `at` is a verb, by compromise's tagger. */
function verbFollows(sentence: string, at: number): boolean {
  for (const t of tagged(sentence)) {
    if (t.start < at || t.adverb) continue;
    return t.verb;
  }
  return false;
}

/** Start of the clause containing `at` (relative offsets), for negation scope. */
function clauseStart(sentence: string, at: number): number {
  let start = 0;
  CLAUSE_BREAK.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CLAUSE_BREAK.exec(sentence)) && m.index < at) start = m.index + m[0].length;
  return start;
}

/**
 * Whether the term at `start..end` (offsets relative to `sentence`) is negated.
 * `negatable: false` is for terms whose negation means a change rather than absence
 * ("not taking his medication" is an indicator, not the lack of one).
 */
export function isNegated(sentence: string, start: number, end: number): boolean {
  const from = clauseStart(sentence, start);
  const before = sentence.slice(from, start);
  NEG_BEFORE.lastIndex = 0;
  let cue: RegExpExecArray | null = null;
  let m: RegExpExecArray | null;
  while ((m = NEG_BEFORE.exec(before))) cue = m;
  if (cue) {
    // "has not self-harmed since 2019" reports a history, not an absence.
    const after = sentence.slice(end, end + 40);
    if (/^\s+(?:since|until)\b/i.test(after) && /\b(?:not|n['’]t)\b/i.test(cue[0])) return false;
    if (!coordinationBreaks(sentence, from + cue.index + cue[0].length, start)) return true;
  }
  return NEG_AFTER.test(sentence.slice(end, end + 90).split(/[;.]|\s(?:but|although|though|whereas|except)\s/)[0]);
}

/** True when an "and"/"or" between a negation cue and a term opens a new verb phrase. */
function coordinationBreaks(sentence: string, from: number, to: number): boolean {
  const span = sentence.slice(from, to);
  const re = /\s(?:and|or)\s+/gi;
  let m: RegExpExecArray | null;
  while ((m = re.exec(span))) {
    let nextAt = from + m.index + m[0].length;
    while (nextAt < to && /["'“‘(]/.test(sentence[nextAt])) nextAt++;
    // Step over a time or manner word: "and later described…", "and then said…".
    const lead = /^(?:later|then|also|now|recently|still|again|often|sometimes|since|subsequently|[a-z]+ly)\s+/i.exec(sentence.slice(nextAt));
    if (lead && nextAt + lead[0].length < to) nextAt += lead[0].length;
    const next = sentence.slice(nextAt);
    if (NOUN_AFTER_AND.test(next)) continue;
    if (VERB_AFTER_AND.test(next)) return true;
    // Unclear from the word alone ("later described", "rarely mentions"): ask compromise (rare; cached).
    if (verbFollows(sentence, nextAt)) return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------------
// Enquiry: the term names what was asked about, not what was found

/**
 * Directly before a term: a question or screening whose object it is ("I asked him about self-harm",
 * "screened for psychosis", "asked directly about self-harm and suicidal thoughts"). The term is the
 * topic of the question; the answer, in its own words, is what affirms or denies it. One coordinated
 * term ("about X and Y") may sit in between, and a possessive or "any"/"thoughts of" may introduce it.
 */
const ENQUIRY_BEFORE =
  /\b(?:ask(?:ed|ing|s)?|enquir(?:e|ed|ing|ies|y)|inquir(?:e|ed|ing|ies|y)|question(?:ed|ing|s)?|screen(?:ed|ing)?|check(?:ed|ing)?)(?:\s+(?:him|her|them|me|directly|specifically|routinely|again|also|too|both|carefully|sensitively))*\s+(?:about|for|regarding|into|whether (?:he|she|they) (?:has|have|had|was|were) (?:ever )?(?:had )?)\s+(?:(?:any|his|her|their|current|recent|past|previous|thoughts of|risk of|history of|feelings of)\s+)*(?:\S+\s+(?:and|or)\s+(?:(?:any|thoughts of|feelings of)\s+)?)?$/i;

/**
 * Whether the term starting at `start` (relative to `sentence`) is the object of a question or screening
 * rather than something the person has or reported. Callers should treat such a term as not affirmed.
 */
export function isEnquiry(sentence: string, start: number): boolean {
  return ENQUIRY_BEFORE.test(sentence.slice(Math.max(0, start - 120), start));
}

// ---------------------------------------------------------------------------------------------------
// Whose condition is it?

const KIN =
  'mother|mum|mom|mam|father|dad|parents?|step-?(?:mother|father|dad|mum)|brother|sister|siblings?|sons?|daughters?|child|children|kids?|partner|ex-?partner|wife|ex-?wife|husband|ex-?husband|girlfriend|boyfriend|fianc[eé]e?|grandmother|grandfather|grandparents?|nan|nana|nanna|gran|granny|grandma|grandad|granddad|grandpa|uncle|aunt|auntie|aunty|cousin|niece|nephew|friends?|flatmate|housemate|neighbour|victim|complainant|statement|carer|co-?defendant|people|men|women|veterans|others|those|many|someone|relatives?';
const PERSON_WORD = new RegExp(`^(?:(${KIN})(['’]s?)?|(he|she|him|her|his|hers|himself|herself|i|pop|defendant)|(mr|mrs|ms|miss|mx)\\.?)$`, 'i');
const SUBJECT_BREAK = /[,;:–—]|\b(?:and|but|although|though|since|because|after|when|while|whereas|so|as|before)\b/i;
const RELATIVE = /^\s*(?:(?:in|from|of|at|back in)\s+[\w'’-]+(?:\s+[\w'’-]+)?)?\s*,?\s*(?:who|which|that)\b[^,;:]*$/i;

/**
 * Whether the term starting at `start` in `sentence` is about someone other than the person the document
 * is about. Scans back to the nearest person reference: a relative or other person who is the subject
 * of the clause ("her father has schizophrenia", "his mother, who has had depression", "his mother's
 * depression") makes it someone else's; a pronoun or "the defendant" makes it theirs. `mainSurname`,
 * when known, tells "Mr Royce" (the person) from "Mr Reeve" (a victim).
 */
export function isAboutOther(sentence: string, start: number, mainSurname?: string): boolean {
  // A parenthetical relative clause closed before the term ("His brother, who he lives with, has …")
  // has its own subject; blank it so its pronouns do not claim the term.
  const before = sentence.slice(0, start).replace(/,\s*(?:who|whom|which)\b[^,;]*,/g, (m) => ' '.repeat(m.length));
  const words = [...before.matchAll(/[A-Za-z][\w'’-]*/g)];
  for (let i = words.length - 1; i >= 0; i--) {
    const w = words[i];
    const m = PERSON_WORD.exec(w[0]);
    if (!m) continue;
    if (m[3]) return false;
    const between = before.slice(w.index + w[0].length);
    if (m[4]) {
      const name = words[i + 1]?.[0]?.replace(/['’]s$/, '');
      if (!mainSurname || !name || name.toLowerCase() === mainSurname.toLowerCase()) return false;
      // Another named person: theirs only when they are the clause's subject (same tests as kin).
      const rest = before.slice(words[i + 1].index + words[i + 1][0].length);
      if (/^['’]s\s*(?:\S+\s+){0,2}$/.test(rest) || !SUBJECT_BREAK.test(rest) || RELATIVE.test(rest)) return true;
      continue;
    }
    if (m[2]) {
      // Possessive kin counts only when it directly owns the term: "his mother's (long-standing) depression".
      if (/^\s*(?:[\w'’-]+\s+){0,2}$/.test(between)) return true;
      continue;
    }
    if (/^(?:victim|complainant|statement)$/i.test(m[1]) && !/\b(?:he|she)\b/i.test(between)) return true;
    if (!SUBJECT_BREAK.test(between) || RELATIVE.test(between)) return true;
  }
  return false;
}
