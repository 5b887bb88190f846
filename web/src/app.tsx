import { Route, Router } from '@solidjs/router';
import { lazy } from 'solid-js';
import { Layout } from './components/layout.tsx';
import { NotFoundPage } from './pages/not-found.tsx';
import { StartPage } from './pages/start.tsx';

// The start page ships in the first download; every other page loads when it is visited.
const RoomPage = lazy(() => import('./pages/room.tsx'));
const ReportPage = lazy(() => import('./pages/report.tsx'));
const ReviewPage = lazy(() => import('./pages/review.tsx'));
const HistoryPage = lazy(() => import('./pages/history.tsx'));
const CareerProfilePage = lazy(() => import('./pages/career-profile.tsx'));
const CareerJobsPage = lazy(() => import('./pages/career-jobs.tsx'));
const CareerJobPage = lazy(() => import('./pages/career-job.tsx'));
const CareerGapsPage = lazy(() => import('./pages/career-gaps.tsx'));
const CareerPlansPage = lazy(() => import('./pages/career-plans.tsx'));
const CareerPlanPage = lazy(() => import('./pages/career-plan.tsx'));
const CareerProgressPage = lazy(() => import('./pages/career-progress.tsx'));

export function App(props: { url?: string }) {
  return (
    <Router root={Layout} url={props.url}>
      <Route path="/" component={StartPage} />
      <Route path="/session/:id" component={RoomPage} />
      <Route path="/session/:id/report" component={ReportPage} />
      <Route path="/session/:id/review" component={ReviewPage} />
      <Route path="/history" component={HistoryPage} />
      <Route path="/career" component={CareerProfilePage} />
      <Route path="/career/jobs" component={CareerJobsPage} />
      <Route path="/career/jobs/:id" component={CareerJobPage} />
      <Route path="/career/gaps" component={CareerGapsPage} />
      <Route path="/career/plans" component={CareerPlansPage} />
      <Route path="/career/plans/:id" component={CareerPlanPage} />
      <Route path="/career/progress" component={CareerProgressPage} />
      <Route path="*" component={NotFoundPage} />
    </Router>
  );
}
