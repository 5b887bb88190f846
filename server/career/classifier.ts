/**
 * The offline job-description classifier: transparent by construction. Each role's score is the
 * sum of the weights of its phrases (roles.yaml, jd_phrases) found in the posting's duties; each
 * phrase counts once, and only `nice_to_have_factor` of its weight when it appears only in
 * nice-to-have text. The posted title never scores: it is compared with the result afterwards,
 * and a disagreement is a warning.
 *
 * Confidence is the top role's share of all role scores (top / sum over the seven roles), so 1.0
 * means no other role's phrases appear at all and 1/7 means the posting is a blur of everything.
 * It is labelled high or medium from thresholds in career.yaml, and low when the top score is
 * below `min_score` whatever its share. The margin over the runner-up is reported beside it.
 * At low confidence the title gets the benefit of the doubt: no warning while the title's own
 * role scores at least `low_confidence_title_share` of the top score.
 */
import type { Bank } from '../bank/load.ts';
import { STAGES, type Stage } from '../bank/schema.ts';
import { round2 } from '../grading/scoring.ts';
import type { Career } from './load.ts';
import { matchPhrases, normalizeTitle, prepareText, sumContributions, type PhraseHit, type PreparedText } from './phrases.ts';

export const CLASSIFIER_NAME = 'phrase-classifier';

export type ConfidenceLabel = 'high' | 'medium' | 'low';

export interface RoleScore {
  role: string;
  name: string;
  score: number;
  /** This role's share of the sum of all role scores (0-1). */
  share: number;
  phrases: PhraseHit[];
}

export interface TitleReading {
  /** The posted title: given with the request, or read from the posting's first line. */
  posted: string | null;
  source: 'given' | 'first-line' | null;
  /** The role the title claims (career.yaml titles; longest matching pattern), if any. */
  role: string | null;
  roleName: string | null;
  pattern: string | null;
  seniority: 'senior' | null;
}

export interface StageEmphasis {
  stage: Stage;
  name: string;
  /** Sum of the stage's phrases found (career.yaml stage_phrases). */
  score: number;
  /** True when the score reaches classifier.stage_boost_min: a tailored session adds 1 to this stage's weight. */
  stressed: boolean;
  phrases: PhraseHit[];
}

export interface SkillEmphasis {
  skill: string;
  name: string;
  score: number;
  phrases: PhraseHit[];
}

export interface OverlookedHit {
  id: string;
  name: string;
  /** The phrases found; empty when the ask is implied by a senior title. */
  phrases: string[];
  /** The sentence that asks for it (or the senior title that implies it). */
  quote: string;
  impliedBySeniorTitle: boolean;
  why: string;
  howToShow: string;
}

export interface OfflineAnalysis {
  /** "phrase-classifier@<career version>+bank@<bank version>": what produced this, for comparisons later. */
  classifier: string;
  /** Null when no role phrase occurs at all. */
  role: string | null;
  roleName: string | null;
  confidence: number;
  confidenceLabel: ConfidenceLabel;
  /** (top - runner-up) / top, 0-1. */
  margin: number;
  runnerUp: { role: string; name: string; score: number } | null;
  /** One or two sentences: how the role follows from the scores. */
  explanation: string;
  /** The top role's phrases, largest contribution first: the phrases that decided it. */
  decidingPhrases: PhraseHit[];
  /** Every role, best first. */
  scores: RoleScore[];
  /** Skills the posting stresses, most first (only those with a phrase found). */
  skills: SkillEmphasis[];
  /** Every stage, in loop order, with what the posting says about it. */
  stages: StageEmphasis[];
  /** The easily overlooked asks the posting makes. */
  overlooked: OverlookedHit[];
  title: TitleReading;
  /** Set when the title claims one role and the duties describe another. */
  warning: string | null;
}

const SENIOR = /\b(senior|sr|staff|lead|principal|head)\b/;

/** Reads the role a title claims: the longest title pattern it contains wins. */
export function readTitle(title: string, career: Career, bank: Bank): Pick<TitleReading, 'role' | 'roleName' | 'pattern' | 'seniority'> {
  const norm = ` ${normalizeTitle(title)} `;
  let best: { role: string; pattern: string } | null = null;
  for (const t of career.titles)
    for (const pattern of t.patterns) {
      const p = normalizeTitle(pattern);
      if (norm.includes(` ${p} `) && (!best || p.length > best.pattern.length)) best = { role: t.role, pattern: p };
    }
  const found = best;
  return {
    role: found?.role ?? null,
    roleName: found ? (bank.roles.find((r) => r.id === found.role)?.name ?? found.role) : null,
    pattern: found?.pattern ?? null,
    seniority: SENIOR.test(norm) ? 'senior' : null,
  };
}

/**
 * Finds the title and the text to score. A first line that reads as a job title is the title
 * (when none was given) and is blanked out of the scored text either way: duties decide, not titles.
 */
function splitTitle(text: string, postedTitle: string | undefined, career: Career, bank: Bank): { title: TitleReading; body: string } {
  const m = /^\s*([^\n]*)/.exec(text)!;
  const firstLine = m[1]!.replace(/^#+\s*/, '').trim();
  const firstIsTitle = firstLine.length > 0 && firstLine.length <= 100 && readTitle(firstLine, career, bank).role !== null;
  const body = firstIsTitle ? ' '.repeat(m[0].length) + text.slice(m[0].length) : text;
  const given = postedTitle?.trim() || null;
  const posted = given ?? (firstIsTitle ? firstLine : null);
  const reading = posted ? readTitle(posted, career, bank) : { role: null, roleName: null, pattern: null, seniority: null };
  return { title: { posted, source: given ? 'given' : posted ? 'first-line' : null, ...reading }, body };
}

function confidenceLabel(top: number, share: number, career: Career): ConfidenceLabel {
  const c = career.classifier;
  if (top < c.min_score) return 'low';
  return share >= c.confidence.high ? 'high' : share >= c.confidence.medium ? 'medium' : 'low';
}

/** "a Data Analyst's", "an MLOps Engineer's", "an Applied Scientist's". */
const article = (name: string) => (/^([AEIOU]|ML)/.test(name) ? 'an' : 'a');

const quoteList = (hits: PhraseHit[], n: number) => hits.slice(0, n).map((h) => `"${h.phrase}"`).join(', ');

function titleWarning(title: TitleReading, scores: RoleScore[], label: ConfidenceLabel, career: Career): string | null {
  const top = scores[0];
  if (!title.posted || !title.role || !top || top.score === 0 || title.role === top.role) return null;
  // Unsure about the duties, and the title's role close behind: the title may well be right.
  const titled = scores.find((s) => s.role === title.role)?.score ?? 0;
  if (label === 'low' && titled >= career.classifier.low_confidence_title_share * top.score) return null;
  const verb = label === 'low' ? 'lean towards' : 'are';
  const umbrella = title.role === 'data-scientist' ? ' "Data Scientist" is an umbrella title: prepare for the duties, not the title.' : '';
  return `Posted as ${title.posted}; the duties ${verb} ${article(top.name)} ${top.name}'s (${quoteList(top.phrases, 4)}).${umbrella}`;
}

/** Classifies one job description. Pure: the same text, bank and career data give the same answer. */
export function classifyJobDescription(input: { text: string; postedTitle?: string }, bank: Bank, career: Career): OfflineAnalysis {
  const { title, body } = splitTitle(input.text, input.postedTitle, career, bank);
  const c = career.classifier;
  const prepared: PreparedText = prepareText(body, c.nice_to_have_markers);
  const match = (phrases: Parameters<typeof matchPhrases>[1]) => matchPhrases(prepared, phrases, c.nice_to_have_factor);

  const raw = bank.roles.map((r) => {
    const phrases = match(r.jd_phrases);
    return { role: r.id, name: r.name, score: sumContributions(phrases), phrases };
  });
  const total = raw.reduce((a, r) => a + r.score, 0);
  const scores: RoleScore[] = raw
    .map((r) => ({ ...r, share: total > 0 ? round2(r.score / total) : 0 }))
    .sort((a, b) => b.score - a.score || bank.roles.findIndex((x) => x.id === a.role) - bank.roles.findIndex((x) => x.id === b.role));
  const top = scores[0]!.score > 0 ? scores[0]! : undefined;
  const second = top && scores[1] && scores[1].score > 0 ? scores[1] : undefined;
  const confidence = top ? round2(top.score / total) : 0;
  const label = top ? confidenceLabel(top.score, confidence, career) : 'low';
  const margin = top ? round2((top.score - (second?.score ?? 0)) / top.score) : 0;

  const explanation = top
    ? `${top.name}: its phrases score ${top.score}, ${Math.round(confidence * 100)}% of the ${round2(total)} points all seven roles score` +
      (second ? `; runner-up ${second.name} with ${second.score}` : '') +
      `. ${label[0]!.toUpperCase()}${label.slice(1)} confidence` +
      (top.score < c.min_score ? ` (the top score is below ${c.min_score}: the posting says little about the duties)` : '') +
      `. Deciding phrases: ${quoteList(top.phrases, 5)}.`
    : 'None of the role phrases occur in this posting, so it cannot be classified; paste the duties and requirements, not only the company description.';

  const skills: SkillEmphasis[] = bank.skills
    .map((s) => {
      const phrases = match(career.skill_phrases[s.id] ?? []);
      return { skill: s.id, name: s.name, score: sumContributions(phrases), phrases };
    })
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score);

  const stages: StageEmphasis[] = STAGES.map((stage) => {
    const phrases = match(career.stage_phrases[stage] ?? []);
    const score = sumContributions(phrases);
    return { stage, name: bank.manifest.stages.find((s) => s.id === stage)!.name, score, stressed: score >= c.stage_boost_min, phrases };
  });

  const overlooked: OverlookedHit[] = [];
  for (const ask of career.overlooked_asks) {
    const hits = match(ask.phrases.map((phrase) => ({ phrase, weight: 1 })));
    const implied = hits.length === 0 && ask.senior_expected && title.seniority === 'senior';
    if (hits.length === 0 && !implied) continue;
    overlooked.push({
      id: ask.id,
      name: ask.name,
      phrases: hits.map((h) => h.phrase),
      quote: implied ? title.posted! : hits[0]!.quote,
      impliedBySeniorTitle: implied,
      why: ask.why,
      howToShow: ask.how_to_show,
    });
  }

  return {
    classifier: `${CLASSIFIER_NAME}@${career.version}+bank@${bank.version}`,
    role: top?.role ?? null,
    roleName: top?.name ?? null,
    confidence,
    confidenceLabel: label,
    margin,
    runnerUp: second ? { role: second.role, name: second.name, score: second.score } : null,
    explanation,
    decidingPhrases: top?.phrases ?? [],
    scores,
    skills,
    stages,
    overlooked,
    title,
    warning: titleWarning(title, scores, label, career),
  };
}
