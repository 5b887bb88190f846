/**
 * Grading-quality check for one question with the offline grader: its strong answer must grade
 * at hire level, and answers about something else must grade low. Used by `npm run bank:check
 * -- --quality` (for authors) and by the test suite (over the whole bank).
 */
import type { Question } from './schema.ts';
import { gradeOffline } from '../grading/offline-grader.ts';
import { answerLevel, VERDICT_THRESHOLDS } from '../grading/scoring.ts';

/** Answers that are fluent but about something else: none should earn credit on any question. */
export const OFF_TOPIC_ANSWERS = [
  'To make a good sourdough loaf you feed the starter the night before, mix flour and water, let the dough rest, fold it every half hour, shape it and bake it in a hot oven with steam for the first twenty minutes.',
  'I am a hard worker and a fast learner. I love working with people and I always give one hundred percent. My friends say I am passionate and reliable, and I think that is my biggest strength.',
  'The history of the Roman Empire spans centuries, from the founding of the city through the republic to the emperors, and its roads, laws and language still shape Europe today.',
  'I would probably just try a few things and see what works. It depends on the situation really, and I would ask my manager what they think is best before doing anything.',
];

const HIRE = VERDICT_THRESHOLDS.find((t) => t.verdict === 'hire')!.min;
/** Off-topic answers must stay below this average level ("very weak"). */
export const OFF_TOPIC_MAX = 0.75;
/**
 * The question echoed back shares its vocabulary, so it may touch a criterion or two, but it
 * must stay below "weak" (a no hire).
 */
export const ECHO_MAX = 1.5;

export interface QualityReport {
  id: string;
  strong: number;
  offTopic: number[];
  problems: string[];
}

/** The strong answer as a candidate would give it: its points, and for coding the reference solution passing every test. */
export function strongAnswerOf(q: Question): { answer: string; code?: string; tests?: { passed: number; total: number; status: string } } {
  const answer = q.strong_answer.join(' ');
  if (!q.coding) return { answer };
  const total = q.coding.examples.length + q.coding.tests.length;
  return { answer, code: q.coding.reference, tests: { passed: total, total, status: 'passed' } };
}

export function checkQuality(q: Question): QualityReport {
  const strongGrade = gradeOffline({ question: q, ...strongAnswerOf(q) });
  const strong = answerLevel(q.rubric, strongGrade.criteria);
  // Parroting the question and its follow-ups back must not earn credit either.
  const echo = [q.prompt, ...q.rubric.map((c) => c.follow_up)].join('\n');
  const offTopic = [...OFF_TOPIC_ANSWERS, echo].map((answer) => answerLevel(q.rubric, gradeOffline({ question: q, answer }).criteria));
  const problems: string[] = [];
  if (strong < HIRE) problems.push(`strong answer grades ${strong.toFixed(2)} (needs ${HIRE})`);
  // A strong answer shows every criterion; one it misses would draw a follow-up from the interviewer.
  for (const c of strongGrade.criteria)
    if (c.score === null || c.score < 2)
      problems.push(`strong answer scores ${c.score ?? 'insufficient evidence'} on "${c.criterionId}"${strongGrade.flags.length ? ` (flags: ${strongGrade.flags.join(', ')})` : ''}`);
  offTopic.forEach((l, i) => {
    const which = i < OFF_TOPIC_ANSWERS.length ? `off-topic answer #${i + 1}` : 'the question echoed back';
    const max = i < OFF_TOPIC_ANSWERS.length ? OFF_TOPIC_MAX : ECHO_MAX;
    if (l > max) problems.push(`${which} grades ${l.toFixed(2)} (max ${max})`);
  });
  return { id: q.id, strong, offTopic, problems };
}
