/**
 * Makes sandbox children die with the server. A child stuck in an endless loop never reads its
 * stdin, so it would not notice the server crash and would spin on as an orphan. Linux can send a
 * signal when the parent dies (PR_SET_PDEATHSIG); `setpriv --pdeathsig KILL` sets it before
 * exec'ing the child's command. Checked once at start; without it, children still work and a
 * warning says what is missing.
 */
import { execFile } from 'node:child_process';
import { findOnPath } from './network-isolation.ts';

export interface ParentDeathGuard {
  /** Put in front of every child's command line (empty when unavailable). */
  prefix: string[];
  note: string;
}

export async function detectParentDeathGuard(nodePath: string): Promise<ParentDeathGuard> {
  const setpriv = findOnPath('setpriv');
  if (!setpriv) return { prefix: [], note: 'setpriv (util-linux) was not found on PATH: a crashed server can leave sandbox children running' };
  const prefix = [setpriv, '--pdeathsig', 'KILL', '--'];
  const failure = await new Promise<string | undefined>((resolve) => {
    execFile(prefix[0]!, [...prefix.slice(1), nodePath, '-e', '0'], { timeout: 10_000, env: {} }, (err, _stdout, stderr) =>
      resolve(err ? (stderr.trim() || err.message).split('\n')[0] : undefined),
    );
  });
  if (failure) return { prefix: [], note: `"setpriv --pdeathsig" failed (${failure}): a crashed server can leave sandbox children running` };
  return { prefix, note: 'sandbox children are killed if the server dies (setpriv --pdeathsig)' };
}
