/** Typed builders for /api/career responses (shapes from web/src/lib/types.ts, i.e. the server's routes). */
import type { CareerData, GapReport, JobAnalysis, Milestone, PhraseHit, Plan, Profile, Progress, SkillGap } from '../../../web/src/lib/types.ts';
import { T0 } from './fixtures.ts';

const DAY = 86_400_000;

const SKILLS: Array<[string, string]> = [
  ['programming-tools', 'Programming tools'],
  ['data-visualization', 'Data visualization and communication'],
  ['data-intuition', 'Data intuition'],
  ['statistics', 'Statistics'],
  ['data-wrangling', 'Data wrangling'],
  ['machine-learning', 'Machine learning (theory and algorithms)'],
  ['software-engineering', 'Software engineering'],
  ['calculus-linear-algebra', 'Multivariable calculus and linear algebra'],
];
export const SKILL_IDS = SKILLS.map(([id]) => id);

const stages = [
  { id: 'recruiter-screen', name: 'Recruiter screen' },
  { id: 'ml-theory', name: 'ML theory' },
  { id: 'coding', name: 'Coding' },
  { id: 'case-study', name: 'Case study' },
  { id: 'behavioral', name: 'Behavioral' },
] as const;

const targets = (n: number) => Object.fromEntries(SKILL_IDS.map((s) => [s, n]));

export function careerData(): CareerData {
  return {
    roles: [
      { id: 'ml-engineer', name: 'Machine Learning Engineer', summary: 'Models in production.', skillTargets: targets(3), stageWeights: {} },
      { id: 'data-analyst', name: 'Data Analyst', summary: 'Business analysis and dashboards.', skillTargets: targets(2), stageWeights: {} },
      { id: 'data-scientist', name: 'Data Scientist', summary: 'The umbrella title.', skillTargets: targets(2), stageWeights: {} },
    ],
    skills: SKILLS.map(([id, name]) => ({
      id,
      name,
      description: `${name}: what it covers.`,
      levels: { 1: `${name} at a beginner level.`, 2: `${name} at an experienced level.`, 3: `${name} at a very experienced level.` },
    })),
    stages: stages.map((s) => ({ ...s })),
    skillLevels: { 1: 'beginner', 2: 'experienced', 3: 'very experienced' },
    skillScale: { description: 'A demonstrated level is the mean level (0-4) of your most recent graded answers.', levels: [], minAnswers: 3 },
  } as unknown as CareerData;
}

/** A profile with two saves: programming tools moved from 2 to 3. */
export function profile(o: { empty?: boolean } = {}): Profile {
  if (o.empty) return { candidateId: 'c-test', current: null, history: [], skills: [] } as unknown as Profile;
  const first = { id: 'sa-1', candidateId: 'c-test', ratings: { ...targets(2) }, targetRoles: ['ml-engineer'], createdAt: T0 };
  const second = { ...first, id: 'sa-2', ratings: { ...targets(2), 'programming-tools': 3 }, createdAt: T0 + 3 * DAY };
  return {
    candidateId: 'c-test',
    current: { ...second, targetRoleNames: ['Machine Learning Engineer'] },
    history: [second, first],
    skills: SKILLS.map(([id, name]) => {
      const changes = id === 'programming-tools' ? [{ at: T0, assessmentId: 'sa-1', rating: 2 }, { at: T0 + 3 * DAY, assessmentId: 'sa-2', rating: 3 }] : [{ at: T0, assessmentId: 'sa-1', rating: 2 }];
      const current = changes.at(-1)!.rating;
      return { skill: id, name, current, currentLabel: current === 3 ? 'very experienced' : 'experienced', first: 2, changes };
    }),
  } as unknown as Profile;
}

const hit = (phrase: string, quote: string, contribution: number): PhraseHit => ({ phrase, weight: contribution, count: 1, niceToHaveOnly: false, contribution, quote });

export function jobAnalysis(o: { llm?: boolean; text?: string; quote?: string } = {}): JobAnalysis {
  const deciding = [hit('production systems', o.quote ?? 'You have put models into production systems with tight latency budgets.', 3), hit('productionize', 'arning services for other teams, productionize the prototypes you build', 3)];
  const offline = {
    classifier: 'phrase-classifier@1+bank@1.0.0',
    role: 'ml-engineer',
    roleName: 'Machine Learning Engineer',
    confidence: 0.49,
    confidenceLabel: 'medium',
    margin: 0.63,
    runnerUp: { role: 'data-scientist', name: 'Data Scientist', score: 4.5 },
    explanation: 'Machine Learning Engineer: its phrases score 12, 49% of the 24.5 points all seven roles score.',
    decidingPhrases: deciding,
    scores: [],
    skills: [
      { skill: 'software-engineering', name: 'Software engineering', score: 9, phrases: [hit('code review', 'code review and automated tests', 1.5)] },
      { skill: 'machine-learning', name: 'Machine learning (theory and algorithms)', score: 8, phrases: [hit('pytorch', 'PyTorch', 1.5)] },
    ],
    stages: stages.map((s) => ({
      stage: s.id,
      name: s.name,
      score: s.id === 'coding' ? 4 : 0,
      stressed: s.id === 'coding',
      phrases: s.id === 'coding' ? [hit('python', 'Python and SQL', 2)] : [],
    })),
    overlooked: [
      {
        id: 'version-control',
        name: 'Version control (git)',
        phrases: ['version control'],
        quote: 'You work like a software engineer: version control, code review and automated tests are normal to you.',
        impliedBySeniorTitle: false,
        why: 'Interviewers assume you work in git every day.',
        howToShow: 'Keep your side project in a public repository.',
      },
    ],
    title: { posted: 'Senior Data Scientist', source: 'given', role: 'data-scientist', roleName: 'Data Scientist', pattern: 'senior data scientist', seniority: 'senior' },
    warning: 'Posted as Senior Data Scientist; the duties are a Machine Learning Engineer\'s ("production systems", "productionize").',
  };
  const llm = o.llm
    ? {
        role: 'mlops-engineer',
        roleName: 'MLOps Engineer',
        confidence: 0.7,
        decisivePhrases: ['productionize'],
        skills: [{ skill: 'software-engineering', name: 'Software engineering', emphasis: 'high' }],
        stageWeights: { 'recruiter-screen': 1, 'ml-theory': 1, coding: 3, 'case-study': 4, behavioral: 1 },
        overlooked: [],
        titleMismatch: 'The title says data scientist; the duties are about serving models.',
        rationale: 'It is about running models in production.',
        flags: ['phrases_dropped'],
      }
    : null;
  return {
    id: 'ja-1',
    candidateId: 'c-test',
    postedTitle: 'Senior Data Scientist',
    text: o.text ?? 'We build production systems. You will productionize the prototypes you build.',
    createdAt: T0,
    decided: llm ? { role: llm.role, roleName: llm.roleName, source: 'llm' } : { role: 'ml-engineer', roleName: 'Machine Learning Engineer', source: 'offline' },
    warning: llm ? llm.titleMismatch : offline.warning,
    offline,
    llm,
    llmError: null,
    model: llm ? 'fake-model' : null,
    promptRef: llm ? 'job-analysis@1' : null,
    comparison: llm ? { sameRole: false, offlineRole: 'ml-engineer', llmRole: 'mlops-engineer' } : null,
  } as unknown as JobAnalysis;
}

function gap(over: Partial<SkillGap> & Pick<SkillGap, 'skill' | 'name'>): SkillGap {
  return {
    target: 3,
    selfRating: 2,
    demonstrated: { level: null, meanAnswerLevel: null, answers: 0, totalAnswers: 0, enoughEvidence: false, note: 'Not enough evidence.', evidence: [] },
    basis: 'self-rating',
    current: 2,
    gap: 1,
    status: 'gap',
    rank: null,
    disagreement: null,
    summary: 'summary',
    ...over,
  } as SkillGap;
}

const evidence = (n: number, level: number) =>
  Array.from({ length: n }, (_, i) => ({
    sessionId: `s-${i + 1}`,
    itemId: `i-${i + 1}`,
    questionId: `q-${i + 1}`,
    questionTitle: `Question ${i + 1}`,
    stage: 'ml-theory',
    level,
    grader: 'offline' as const,
    provisional: false,
    gradedAt: T0 + i * DAY,
  }));

/** Statistics: rated 3, answers show 1 (self-higher). ML: rated 1, answers show 3 (self-lower). Visualization: 1 answer only. */
export function gapReport(): GapReport {
  const skills = [
    gap({
      skill: 'statistics',
      name: 'Statistics',
      selfRating: 3,
      current: 1,
      gap: 2,
      rank: 1,
      basis: 'demonstrated',
      demonstrated: { level: 1, meanAnswerLevel: 1.25, answers: 4, totalAnswers: 4, enoughEvidence: true, note: '', evidence: evidence(4, 1.25) },
      disagreement: { direction: 'self-higher', by: 2, message: 'You rated Statistics 3 (very experienced), but your 4 graded answers average 1.25 of 4.' },
    }),
    gap({ skill: 'data-visualization', name: 'Data visualization and communication', rank: 2, demonstrated: { level: null, meanAnswerLevel: 2, answers: 1, totalAnswers: 1, enoughEvidence: false, note: '', evidence: evidence(1, 2) } }),
    gap({
      skill: 'machine-learning',
      name: 'Machine learning (theory and algorithms)',
      selfRating: 1,
      current: 3,
      gap: 0,
      status: 'at-target',
      basis: 'demonstrated',
      demonstrated: { level: 3, meanAnswerLevel: 3.6, answers: 3, totalAnswers: 3, enoughEvidence: true, note: '', evidence: evidence(3, 3.6) },
      disagreement: { direction: 'self-lower', by: 2, message: 'You rated Machine learning 1 (beginner), but your 3 graded answers average 3.6 of 4: you may be underselling it.' },
    }),
    gap({ skill: 'calculus-linear-algebra', name: 'Multivariable calculus and linear algebra', selfRating: null, current: null, gap: null, status: 'unknown', basis: 'none' }),
  ];
  return {
    candidateId: 'c-test',
    role: { id: 'ml-engineer', name: 'Machine Learning Engineer', summary: 'Models in production.' },
    generatedAt: T0,
    selfAssessment: { id: 'sa-2', createdAt: T0 },
    scale: { description: 'A demonstrated level is the mean level (0-4) of your most recent graded answers.', levels: [], minAnswers: 3, recentAnswers: 8, disagreementMin: 1 },
    gradedAnswers: 8,
    skills,
    topGaps: ['statistics', 'data-visualization'],
    note: null,
    disagreements: skills.filter((s) => s.disagreement).map((s) => ({ skill: s.skill, name: s.name, ...s.disagreement! })),
    suggestions: [
      {
        skill: 'statistics',
        name: 'Statistics',
        why: 'summary',
        study: [{ title: 'OpenIntro Statistics', kind: 'book', focus: 'inference and confidence intervals' }],
        drill: { stage: 'ml-theory', stageName: 'ML theory', topics: ['power and sample size', 'peeking'], unseenQuestions: 7, answeredQuestions: [{ id: 'q-1', title: 'Question 1' }] },
        project: { id: 'ab-test-analysis', name: 'A/B test analysis', summary: 'Analyse a public experiment end to end.', fitsRole: false, skills: ['statistics'], steps: [] },
      },
    ],
    flagshipProject: {
      id: 'end-to-end-ml-app',
      name: 'End-to-end ML application',
      summary: 'Gather data, train a model, deploy it.',
      fitsRole: true,
      skills: [],
      steps: [{ week: 2, title: 'Gather the data' }],
    },
    stages: stages.map((s) => ({ stage: s.id, name: s.name, answers: s.id === 'ml-theory' ? 8 : 0, level: s.id === 'ml-theory' ? 2.1 : null })),
    weakestCriteria: [],
  } as unknown as GapReport;
}

function milestone(over: Partial<Milestone> & Pick<Milestone, 'id' | 'title' | 'due'>): Milestone {
  return { phase: 'learn', kind: 'course', detail: '', done: false, doneAt: null, notes: '', skill: null, why: null, ...over };
}

export function plan(over: Partial<Plan> = {}): Plan {
  const milestones = [
    milestone({ id: 'm-1', kind: 'course', title: 'Finish the book "OpenIntro Statistics"', due: '2025-03-17', why: 'Gap 2 in Statistics.' }),
    milestone({ id: 'm-2', kind: 'drill', title: 'Drill ML theory for statistics', due: '2099-03-24' }),
    milestone({ id: 'm-3', phase: 'apply', kind: 'applications', title: 'Start applying: 5 jobs a day', due: '2099-06-02' }),
  ];
  return {
    id: 'plan-1',
    candidateId: 'c-test',
    role: { id: 'ml-engineer', name: 'Machine Learning Engineer' },
    horizonMonths: 6,
    startDate: '2025-03-04',
    endDate: '2099-06-02',
    project: { id: 'end-to-end-ml-app', name: 'End-to-end ML application', summary: 'Gather data, train a model, deploy it.' },
    basis: [{ skill: 'statistics', name: 'Statistics', target: 3, current: 1, basis: 'demonstrated', gap: 2, summary: '' }],
    milestones,
    progress: { done: 0, total: milestones.length },
    createdAt: T0,
    updatedAt: T0,
    ...over,
  };
}

export function progress(o: { empty?: boolean } = {}): Progress {
  const sessions = o.empty
    ? []
    : [
        { id: 's-1', role: 'ml-engineer', mode: 'drill' as const, createdAt: T0, answers: 3, level: 1.2 },
        { id: 's-2', role: 'ml-engineer', mode: 'loop' as const, createdAt: T0 + 7 * DAY, answers: 5, level: 2.4 },
      ];
  const points = o.empty ? [] : [
    { sessionId: 's-1', at: T0, level: 1.2, answers: 3 },
    { sessionId: 's-2', at: T0 + 7 * DAY, level: 2.4, answers: 5 },
  ];
  const improving = { direction: 'improving' as const, change: 1.2 };
  const none = { direction: 'not-enough-data' as const, change: null };
  return {
    candidateId: 'c-test',
    role: null,
    scale: { min: 0, max: 4 },
    trendRule: 'A series is improving when its later half averages at least 0.25 more.',
    sessions,
    stages: stages.map((s) => ({ stage: s.id, name: s.name, points: s.id === 'ml-theory' ? points : [], trend: s.id === 'ml-theory' && !o.empty ? improving : none })),
    skills: SKILLS.map(([id, name]) => ({ skill: id, name, points: id === 'statistics' ? points.slice(0, 1) : [], trend: none })),
  } as unknown as Progress;
}
