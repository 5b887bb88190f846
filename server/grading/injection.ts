/**
 * Spots text in an answer that addresses the grader instead of the interviewer: "ignore the
 * rubric", fake system messages, fake grading JSON, requests for marks. Such text is never
 * evidence of skill, so a quote containing it is dropped from a grade; the grade is flagged.
 */
const PATTERNS: RegExp[] = [
  /\b(ignore|disregard|forget|override)\b[^.\n]{0,40}\b(instructions?|rubric|prompt|rules|criteria|guidelines)\b/i,
  /\b(system|assistant|developer)\s*(prompt|message)?\s*:/i,
  /<\/?\s*(system|assistant|answer[-\w]*|instructions?)\s*>/i,
  /\b(grader|grading model|evaluator|as an ai)\b/i,
  /\b(give|award|assign|output|return)\b[^.\n]{0,40}\b(score|scores|marks|points|grade|rating)\b/i,
  /\b(full|maximum|perfect|top)\s+(marks|score|scores|points)\b/i,
  /\bscore\s*(of|=|:)\s*[0-9]/i,
  /\bstrong[\s_-]*hire\b/i,
  /"\s*(criterionId|score|evidence|verdict)\s*"\s*:/i,
  /\b(new|updated|revised)\s+instructions?\b/i,
];

/** The injection-like passages found in `text` (empty when there are none). */
export function findInjection(text: string): string[] {
  const found: string[] = [];
  for (const p of PATTERNS) {
    const m = p.exec(text);
    if (m) found.push(m[0]);
  }
  return found;
}

export const looksLikeInjection = (text: string) => findInjection(text).length > 0;
