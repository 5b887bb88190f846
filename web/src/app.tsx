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

export function App(props: { url?: string }) {
  return (
    <Router root={Layout} url={props.url}>
      <Route path="/" component={StartPage} />
      <Route path="/session/:id" component={RoomPage} />
      <Route path="/session/:id/report" component={ReportPage} />
      <Route path="/session/:id/review" component={ReviewPage} />
      <Route path="/history" component={HistoryPage} />
      <Route path="*" component={NotFoundPage} />
    </Router>
  );
}
