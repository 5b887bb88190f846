/**
 * Concrete next steps for a gap, from curated data (career.yaml): what to study (named courses
 * and books), which stage and topics to drill with questions from the bank the candidate has not
 * seen yet, and a side project that would show the skill, the one that fits the role.
 */
import type { Bank } from '../bank/load.ts';
import type { Role } from '../bank/schema.ts';
import type { SkillGap } from './gaps.ts';
import type { Career } from './load.ts';
import type { Project, StudyItem } from './schema.ts';

export interface Suggestion {
  skill: string;
  name: string;
  why: string;
  study: StudyItem[];
  drill: {
    stage: string;
    stageName: string;
    topics: string[];
    /** Questions on this skill in that stage not given to the candidate yet (not named: they stay a surprise). */
    unseenQuestions: number;
    /** Questions on this skill in that stage already given: worth re-reading their feedback. */
    answeredQuestions: Array<{ id: string; title: string }>;
  };
  project: ProjectView;
}

export interface ProjectView {
  id: string;
  name: string;
  summary: string;
  fitsRole: boolean;
  skills: string[];
  steps: Project['steps'];
}

const projectView = (p: Project, role: Role): ProjectView => ({
  id: p.id,
  name: p.name,
  summary: p.summary,
  fitsRole: p.roles.includes(role.id),
  skills: p.skills,
  steps: p.steps,
});

/** The role's flagship side project (the end-to-end ML app for roles that train and ship models). */
export function flagshipProject(career: Career, role: Role): ProjectView {
  return projectView(career.projectById.get(career.role_projects[role.id]!)!, role);
}

export function suggestionFor(bank: Bank, career: Career, gap: SkillGap, role: Role, seen: Map<string, number>): Suggestion {
  const data = career.suggestions[gap.skill]!;
  const projects = data.projects.map((id) => career.projectById.get(id)!);
  const project = projects.find((p) => p.roles.includes(role.id)) ?? projects[0]!;
  const onSkill = bank.questions.filter((q) => q.stage === data.drill.stage && q.skills.includes(gap.skill));
  return {
    skill: gap.skill,
    name: gap.name,
    why: gap.summary,
    study: data.study,
    drill: {
      stage: data.drill.stage,
      stageName: bank.manifest.stages.find((s) => s.id === data.drill.stage)!.name,
      topics: data.drill.topics,
      unseenQuestions: onSkill.filter((q) => !seen.has(q.id)).length,
      answeredQuestions: onSkill.filter((q) => seen.has(q.id)).map((q) => ({ id: q.id, title: q.title })),
    },
    project: projectView(project, role),
  };
}
