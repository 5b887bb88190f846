/** Typed builders for API responses (shapes from web/src/lib/types.ts, i.e. the server's routes). */
import type { Bank, Grade, Item, Message, Question, Report, SessionListEntry, SessionView, Status, StageReport } from '../../../web/src/lib/types.ts';

export const T0 = Date.parse('2025-03-04T10:00:00Z');

export function question(over: Partial<Question> = {}): Question {
  return {
    id: 'rs-why-role',
    revision: 1,
    source: 'core',
    title: 'Why this role?',
    stage: 'recruiter-screen',
    difficulty: 'easy',
    minutes: 5,
    prompt: 'Why do you want this role?',
    skills: ['data-visualization'],
    roles: ['data-analyst'],
    coding: null,
    ...over,
  };
}

export const sqlQuestion = (): Question =>
  question({
    id: 'sql-top-products',
    title: 'Top two products per category',
    stage: 'coding',
    minutes: 15,
    prompt: 'Return the two best-selling products per category.',
    coding: {
      language: 'sql',
      schema: 'CREATE TABLE products (id INTEGER, category TEXT);',
      starter: 'SELECT 1;',
      examples: [{ seed: { products: [{ id: 1, category: 'office' }] }, expected: { columns: ['category'], rows: [['office']] }, note: 'one product' }],
      orderMatters: false,
      hiddenTests: 6,
    },
  });

export function message(over: Partial<Message> & Pick<Message, 'id' | 'seq' | 'author' | 'text'>): Message {
  return {
    itemId: 'item-1',
    kind: over.author === 'candidate' ? 'answer' : 'question',
    criterionId: null,
    code: null,
    source: over.author === 'candidate' ? 'candidate' : 'bank',
    model: null,
    promptRef: null,
    createdAt: T0,
    ...over,
  };
}

export function grade(over: Partial<Grade> = {}): Grade {
  return {
    id: 'grade-1',
    itemId: 'item-1',
    attempt: 1,
    status: 'done',
    grader: 'offline',
    model: 'offline-concepts@1',
    promptRef: null,
    bankVersion: '1.0.0',
    questionRevision: 1,
    level: 2.5,
    percent: 63,
    error: null,
    createdAt: T0,
    completedAt: T0,
    criteria: [
      {
        criterionId: 'motivation',
        name: 'Specific motivation',
        weight: 3,
        source: 'concepts',
        score: 3,
        anchor: 'Names what draws them to this role, with a reason.',
        evidence: ['I love turning messy sales data into decisions'],
        missing: ['a link to the company'],
        rationale: 'Covers 2 of 3 key points.',
        tip: 'Name one product of the company you would like to measure.',
      },
      {
        criterionId: 'evidence',
        name: 'Backs it with experience',
        weight: 2,
        source: 'concepts',
        score: 1,
        anchor: 'Mentions experience vaguely.',
        evidence: ['built a dashboard'],
        missing: ['a number that shows impact'],
        rationale: 'Covers 1 of 3 key points.',
        tip: 'Add one number to every story: users, hours saved, revenue.',
      },
      {
        criterionId: 'fit',
        name: 'Knows what the role is',
        weight: 2,
        source: 'concepts',
        score: null,
        anchor: null,
        evidence: [],
        missing: ['the daily work of the role'],
        rationale: 'The answer does not address this criterion.',
        tip: 'Read three postings and list the duties they share.',
      },
    ],
    feedback: 'Specific motivation: good. Backs it with experience: vague.',
    nextStep: 'Rewrite your answer with one number that shows impact.',
    flags: [],
    strongAnswer: ['Why this company, in one concrete sentence.', 'A project with a measurable result.'],
    ...over,
  };
}

export function item(over: Partial<Item> = {}): Item {
  return { id: 'item-1', position: 0, stage: 'recruiter-screen', status: 'asked', followUpsAsked: 0, question: question(), grade: null, ...over };
}

export function stageReport(over: Partial<StageReport> = {}): StageReport {
  return {
    stage: 'recruiter-screen',
    name: 'Recruiter screen',
    questions: 1,
    graded: 0,
    pending: 0,
    level: null,
    verdict: null,
    verdictLabel: null,
    explanation: null,
    provisional: false,
    summary: null,
    ...over,
  };
}

export function report(over: Partial<Report> = {}): Report {
  return {
    stages: [stageReport()],
    overall: { level: null, verdict: null, verdictLabel: null, summary: null },
    skills: [],
    weakest: [],
    weakestStage: null,
    thresholds: [
      { verdict: 'strong-hire', min: 3.5 },
      { verdict: 'hire', min: 2.75 },
      { verdict: 'lean-hire', min: 2 },
      { verdict: 'no-hire', min: 1 },
      { verdict: 'strong-no-hire', min: 0 },
    ],
    ...over,
  };
}

export function sessionView(over: Partial<SessionView> = {}): SessionView {
  return {
    session: {
      id: 'sess-1',
      candidateId: 'c-test',
      role: 'data-analyst',
      mode: 'loop',
      drillStage: null,
      difficulty: 'medium',
      status: 'active',
      feedback: 'answer',
      bankVersion: '1.0.0',
      jobAnalysisId: null,
      createdAt: T0,
      finishedAt: null,
    },
    items: [item({ status: 'pending', question: null })],
    messages: [],
    runs: [],
    report: report(),
    grader: { mode: 'offline', model: null, description: 'Graded offline: no model is configured.' },
    ...over,
  };
}

export function bank(): Bank {
  const stages = [
    ['recruiter-screen', 'Recruiter screen', 20],
    ['ml-theory', 'ML theory', 35],
    ['coding', 'Coding', 45],
    ['case-study', 'Case study', 40],
    ['behavioral', 'Behavioral', 25],
  ] as const;
  return {
    version: '1.0.0',
    name: 'Test bank',
    questionCount: 10,
    stages: stages.map(([id, name, minutes]) => ({ id, name, minutes, description: `${name} stage.`, questionCount: 2, byDifficulty: { easy: 1, medium: 1, hard: 0 } })),
    roles: [
      { id: 'data-analyst', name: 'Data Analyst', summary: 'Business analysis and dashboards.', stageWeights: {}, skillTargets: {} },
      { id: 'ml-engineer', name: 'Machine Learning Engineer', summary: 'Models in production.', stageWeights: {}, skillTargets: {} },
    ],
    skills: [],
    packs: [],
  } as unknown as Bank;
}

export const status = (runner: Status['runner'] = null): Status => ({
  ok: true,
  grader: { mode: 'offline', model: null, description: 'Graded offline: no model is configured.' },
  bankVersion: '1.0.0',
  runner,
});

export function listEntry(over: Partial<SessionListEntry> = {}): SessionListEntry {
  const v = sessionView();
  return {
    ...v.session,
    roleName: 'Data Analyst',
    questions: 5,
    answered: 5,
    overall: { level: 2.4, verdict: "lean-hire", verdictLabel: "Lean hire", summary: null },
    stages: [
      { stage: 'recruiter-screen', name: 'Recruiter screen', verdict: 'hire', verdictLabel: 'Hire', level: 3 },
      { stage: 'coding', name: 'Coding', verdict: 'no-hire', verdictLabel: 'No hire', level: 1.2 },
    ],
    ...over,
  };
}
