import { A } from '@solidjs/router';

/** The career pages' own tabs: from what you can do, to the job, the gap, the plan and how it moves. */
export function CareerNav() {
  return (
    <nav class="career-nav" aria-label="Career fit">
      <A href="/career" end activeClass="active">
        Skills
      </A>
      <A href="/career/jobs" activeClass="active">
        Postings
      </A>
      <A href="/career/gaps" activeClass="active">
        Gaps
      </A>
      <A href="/career/plans" activeClass="active">
        Plan
      </A>
      <A href="/career/progress" activeClass="active">
        Progress
      </A>
    </nav>
  );
}
