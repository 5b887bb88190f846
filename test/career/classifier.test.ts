/** The offline job-description classifier: transparent scores, nice-to-have discount, title warnings, confidence. */
import { describe, expect, it } from 'vitest';
import { classifyJobDescription, readTitle } from '../../server/career/classifier.ts';
import { loadCareer } from '../../server/career/load.ts';
import { lightNormal, matchPhrases, phraseKey, prepareText } from '../../server/career/phrases.ts';
import { realBank } from '../support/test-app.ts';

const bank = realBank();
const career = loadCareer(bank);
const classify = (text: string, postedTitle?: string) => classifyJobDescription({ text, postedTitle }, bank, career);

const PRODUCT_DUTIES = `What you will do
- Design and analyse A/B testing programmes with product managers and designers.
- Study user behavior to inform product decisions and the product strategy.
- Use significance testing and causal inference when tests are not possible.
- Share insights with stakeholders.`;

describe('phrase matching', () => {
  it('matches inflections but not look-alike words', () => {
    expect(lightNormal('dashboards')).toBe(lightNormal('dashboard'));
    expect(lightNormal('automating')).toBe(lightNormal('automate'));
    expect(lightNormal('modelling')).toBe(lightNormal('modeling'));
    expect(phraseKey('A/B tests')).toBe(phraseKey('a/b testing'));
    const p = prepareText('Excellent Python. We value observational studies.', ['bonus']);
    expect(matchPhrases(p, [{ phrase: 'excel', weight: 1 }, { phrase: 'observability', weight: 1 }], 0.5)).toEqual([]);
  });

  it('does not count a negated mention', () => {
    const p = prepareText('You will not build dashboards. A PhD is not required. Tableau is optional. Excel, not essential.', ['bonus']);
    const phrases = ['dashboards', 'phd', 'tableau', 'excel'].map((phrase) => ({ phrase, weight: 2 }));
    expect(matchPhrases(p, phrases, 0.5)).toEqual([]);
    expect(matchPhrases(prepareText('A PhD is required; not negotiable.', ['bonus']), phrases, 0.5).map((h) => h.phrase)).toEqual(['phd']);
  });

  it('counts a phrase once, at a fraction of its weight when it only appears in nice-to-have text', () => {
    const text = [
      'Requirements',
      '- Build dashboards in Tableau. More dashboards every week.',
      '- Kubernetes experience is a plus.',
      'Nice to have',
      '- Airflow',
      'About you',
      '- You know Airflow well.',
    ].join('\n');
    const hits = matchPhrases(
      prepareText(text, career.classifier.nice_to_have_markers),
      [
        { phrase: 'dashboards', weight: 3 },
        { phrase: 'kubernetes', weight: 2 },
        { phrase: 'airflow', weight: 2 },
      ],
      0.5,
    );
    const by = Object.fromEntries(hits.map((h) => [h.phrase, h]));
    expect(by.dashboards).toMatchObject({ count: 2, contribution: 3, niceToHaveOnly: false });
    expect(by.kubernetes).toMatchObject({ contribution: 1, niceToHaveOnly: true, quote: 'Kubernetes experience is a plus.' });
    // Also required under "About you", so it counts in full, quoted from the required line.
    expect(by.airflow).toMatchObject({ count: 2, contribution: 2, niceToHaveOnly: false, quote: 'You know Airflow well.' });
  });
});

describe('classifyJobDescription', () => {
  it('names the role with the phrases, weights and sentences that decided it', () => {
    const a = classify(PRODUCT_DUTIES);
    expect(a.role).toBe('product-data-scientist');
    expect(a.roleName).toBe('Product Data Scientist');
    const top = a.scores[0]!;
    expect(top.role).toBe('product-data-scientist');
    // Transparent: the score is exactly the sum of the listed contributions, each from roles.yaml.
    expect(top.score).toBeCloseTo(top.phrases.reduce((s, p) => s + p.contribution, 0), 5);
    const weights = new Map(bank.roles.find((r) => r.id === 'product-data-scientist')!.jd_phrases.map((p) => [p.phrase, p.weight]));
    for (const p of top.phrases) {
      expect(weights.get(p.phrase)).toBe(p.weight);
      expect(PRODUCT_DUTIES).toContain(p.quote);
    }
    expect(a.decidingPhrases.map((p) => p.phrase)).toContain('a/b testing');
    expect(a.explanation).toMatch(/Product Data Scientist: its phrases score/);
  });

  it('reports confidence as the top role share of all role scores, with the margin over the runner-up', () => {
    const a = classify(PRODUCT_DUTIES + '\n- Build predictive models with scikit-learn.');
    const total = a.scores.reduce((s, r) => s + r.score, 0);
    expect(a.confidence).toBeCloseTo(a.scores[0]!.score / total, 2);
    expect(a.runnerUp?.role).toBe(a.scores[1]!.role);
    expect(a.margin).toBeCloseTo((a.scores[0]!.score - a.scores[1]!.score) / a.scores[0]!.score, 2);
    for (const r of a.scores) expect(r.share).toBeCloseTo(r.score / total, 2);
  });

  it('says low confidence when the posting barely mentions duties, and no role when none match', () => {
    const thin = classify('We are a friendly company. You will use pandas. Free snacks, great office, flexible hours for everyone.');
    expect(thin.role).toBe('data-scientist');
    expect(thin.confidenceLabel).toBe('low');
    expect(thin.explanation).toMatch(/below 4/);
    const none = classify('We are a friendly company with a great office and flexible hours, in the heart of the city, near the river.');
    expect(none.role).toBeNull();
    expect(none.confidence).toBe(0);
    expect(none.explanation).toMatch(/cannot be classified/);
  });

  it('warns when the posted title names another role than the duties', () => {
    const a = classify(PRODUCT_DUTIES, 'Data Scientist');
    expect(a.title).toMatchObject({ posted: 'Data Scientist', source: 'given', role: 'data-scientist' });
    expect(a.warning).toMatch(/^Posted as Data Scientist; the duties are a Product Data Scientist's \("a\/b testing"/);
    expect(a.warning).toMatch(/umbrella title/);
    expect(classify(PRODUCT_DUTIES, 'Product Data Scientist, Growth').warning).toBeNull();
    // An article that fits the name.
    expect(classify('Automate deployments with CI/CD on Kubernetes; run the model registry and MLflow.', 'Machine Learning Engineer').warning).toMatch(
      /the duties are an MLOps Engineer's/,
    );
  });

  it('gives the title the benefit of the doubt when unsure and its role is close behind', () => {
    // Thin duties: data-scientist (pandas, 1) against data-analyst (excel, 1.5): low confidence.
    const text = 'You will use pandas and Excel at our friendly company, with flexible hours and a great office for everyone.';
    const a = classify(text, 'Data Scientist');
    expect(a.confidenceLabel).toBe('low');
    expect(a.role).toBe('data-analyst');
    expect(a.warning).toBeNull();
    const far = classify('You will use Excel at our friendly company, with flexible hours and a great office for everyone.', 'Data Scientist');
    expect(far.confidenceLabel).toBe('low');
    expect(far.warning).toMatch(/^Posted as Data Scientist; the duties lean towards a Data Analyst's/);
  });

  it('reads the title from a first line that looks like one, and never scores it', () => {
    const a = classify(`MLOps Engineer\n${PRODUCT_DUTIES}`);
    expect(a.title).toMatchObject({ posted: 'MLOps Engineer', source: 'first-line', role: 'mlops-engineer' });
    expect(a.scores.find((s) => s.role === 'mlops-engineer')!.score).toBe(0);
    expect(a.role).toBe('product-data-scientist');
  });

  it('picks the longest title pattern and notices seniority', () => {
    expect(readTitle('Senior Product Data Scientist', career, bank)).toMatchObject({ role: 'product-data-scientist', seniority: 'senior' });
    expect(readTitle('Data Scientist', career, bank)).toMatchObject({ role: 'data-scientist', seniority: null });
    expect(readTitle('Staff ML Platform Engineer', career, bank)).toMatchObject({ role: 'mlops-engineer', seniority: 'senior' });
    expect(readTitle('Chef', career, bank).role).toBeNull();
  });

  it('lists the skills and stages the posting stresses and the overlooked asks it makes', () => {
    const text = `${PRODUCT_DUTIES}
- Write SQL and Python every day; keep your analysis code in git with code review and unit tests.
- Work with cross-functional partners and break down ambiguous questions into smaller tasks.
- A strong statistics background.`;
    const a = classify(text);
    expect(a.skills[0]!.skill).toBe('statistics');
    expect(a.skills.map((s) => s.skill)).toContain('programming-tools');
    for (const s of a.skills) expect(s.score).toBeCloseTo(s.phrases.reduce((x, p) => x + p.contribution, 0), 5);
    const ids = a.overlooked.map((o) => o.id);
    expect(ids).toEqual(expect.arrayContaining(['version-control', 'writing-tests', 'cross-team-work', 'task-breakdown']));
    for (const o of a.overlooked) {
      expect(text).toContain(o.quote);
      expect(o.howToShow.length).toBeGreaterThan(20);
    }
    expect(a.stages.map((s) => s.stage)).toEqual(['recruiter-screen', 'ml-theory', 'coding', 'case-study', 'behavioral']);
    const theory = a.stages.find((s) => s.stage === 'ml-theory')!;
    expect(theory.stressed).toBe(theory.score >= career.classifier.stage_boost_min);
    expect(theory.stressed).toBe(true);
  });

  it('adds the asks a senior title implies, marked as implied', () => {
    const senior = classify(PRODUCT_DUTIES, 'Senior Product Data Scientist');
    expect(senior.overlooked.find((o) => o.id === 'task-breakdown')).toMatchObject({ impliedBySeniorTitle: true, phrases: [], quote: 'Senior Product Data Scientist' });
    expect(classify(PRODUCT_DUTIES, 'Product Data Scientist').overlooked.some((o) => o.id === 'task-breakdown')).toBe(false);
  });

  it('is deterministic and records what produced it', () => {
    expect(classify(PRODUCT_DUTIES)).toEqual(classify(PRODUCT_DUTIES));
    expect(classify(PRODUCT_DUTIES).classifier).toBe(`phrase-classifier@${career.version}+bank@${bank.version}`);
  });
});
