/**
 * The API's shapes, inferred from the server's routes through Hono's client types: when the
 * server changes a response, the web app stops type-checking instead of breaking at run time.
 */
import type { hc, InferRequestType, InferResponseType } from 'hono/client';
import type { AppType } from '../../../server/app.ts';
import type { CaseResult, RunResult as ServerRunResult, RunnerStatus } from '../../../server/coding/types.ts';
import type { TurnView } from '../../../server/routes/sessions.ts';

type Client = ReturnType<typeof hc<AppType>>;
type Sessions = Client['api']['sessions'];

export type Status = InferResponseType<Client['api']['status']['$get'], 200>;
export type Bank = InferResponseType<Client['api']['bank']['$get'], 200>;
export type BankStage = Bank['stages'][number];
export type BankRole = Bank['roles'][number];

export type SessionView = InferResponseType<Sessions[':id']['$get'], 200>;
export type SessionSummary = SessionView['session'];
export type Item = SessionView['items'][number];
export type Message = SessionView['messages'][number];
export type CodeRun = SessionView['runs'][number];
export type Report = SessionView['report'];
export type StageReport = Report['stages'][number];
export type Grader = SessionView['grader'];
export type Question = NonNullable<Item['question']>;
export type Coding = NonNullable<Question['coding']>;

type AnyGrade = NonNullable<Item['grade']>;
/** A grade the candidate may see in full. */
export type Grade = Exclude<AnyGrade, { hiddenUntilStageEnd: true }>;
/** A grade kept back until the stage ends ("feedback at the end of a stage"). */
export type HiddenGrade = Extract<AnyGrade, { hiddenUntilStageEnd: true }>;
export type CriterionGrade = Grade['criteria'][number];

/**
 * The interviewer's next turn. Named by the server (TurnView) because the route's SSE branch
 * hides its JSON branch from Hono's inference.
 */
export type Turn = TurnView;
export type AnswerResult = InferResponseType<Sessions[':id']['answers']['$post'], 201>;
export type SessionListEntry = InferResponseType<Sessions['$get'], 200>['sessions'][number];

export type CreateSessionInput = Omit<InferRequestType<Sessions['$post']>['json'], 'candidateId'>;
export type HistoryFilter = { role?: string; mode?: 'loop' | 'drill'; status?: 'active' | 'finished' };

/** A stage id, as the bank and session creation know them. */
export type Stage = NonNullable<CreateSessionInput['stage']>;
export type Verdict = NonNullable<StageReport['verdict']>;

// Run results hold free-form JSON (arguments, return values); the server's own type says it best.
export type RunResult = ServerRunResult;
export type { CaseResult, RunnerStatus };

export const isFullGrade = (g: Item['grade']): g is Grade => !!g && !('hiddenUntilStageEnd' in g);

// Career fit (/api/career): the self-assessment, job postings, gaps, plans and progress.
type Career = Client['api']['career'];
export type CareerData = InferResponseType<Career['roles']['$get'], 200>;
export type CareerSkill = CareerData['skills'][number];
export type CareerRole = CareerData['roles'][number];
export type Profile = InferResponseType<Career['profile']['$get'], 200>;
export type Ratings = InferRequestType<Career['profile']['$put']>['json']['ratings'];
export type JobAnalysis = InferResponseType<Career['job-analyses'][':id']['$get'], 200>;
export type JobAnalysisSummary = InferResponseType<Career['job-analyses']['$get'], 200>['analyses'][number];
export type PhraseHit = JobAnalysis['offline']['decidingPhrases'][number];
export type TailorInput = Omit<InferRequestType<Career['job-analyses'][':id']['session']['$post']>['json'], 'candidateId'>;
export type GapReport = InferResponseType<Career['gaps']['$get'], 200>;
export type SkillGap = GapReport['skills'][number];
export type Suggestion = GapReport['suggestions'][number];
export type Plan = InferResponseType<Career['plans'][':id']['$get'], 200>;
export type Milestone = Plan['milestones'][number];
export type MilestonePatch = InferRequestType<Career['plans'][':id']['milestones'][':milestoneId']['$put']>['json'];
export type NewMilestone = InferRequestType<Career['plans'][':id']['milestones']['$post']>['json'];
export type Horizon = InferRequestType<Career['plans']['$post']>['json']['horizonMonths'];
export type Progress = InferResponseType<Career['progress']['$get'], 200>;
/** One line of the progress chart: a stage's or a skill's level per session. */
export type ProgressSeries = { name: string; points: Progress['stages'][number]['points']; trend: Progress['stages'][number]['trend'] };
