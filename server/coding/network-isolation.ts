/**
 * Finds out once, at start-up, whether Python children can run without network access. Node 20's
 * permission model guards files, child processes and workers but not sockets, so the network is
 * cut with a Linux network namespace: `unshare -n` (root) or `unshare -rn` (a normal user where
 * user namespaces are enabled). The probe runs the real thing (node inside the namespace) and
 * checks that no network interface is visible. When nothing works, the runner still runs Python
 * and says so in its status: never a silent downgrade.
 */
import { execFile } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

export interface NetworkIsolation {
  isolated: boolean;
  /** Put in front of the child's command line (empty when not isolated). */
  prefix: string[];
  note: string;
}

const PROBE = "process.stdout.write(JSON.stringify(Object.keys(require('os').networkInterfaces())))";
const PROBE_TIMEOUT_MS = 10_000;

export function findOnPath(program: string): string | undefined {
  for (const dir of (process.env.PATH ?? '/usr/bin:/bin').split(delimiter)) {
    const candidate = join(dir, program);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this folder; try the next
    }
  }
  return undefined;
}

/** Runs the probe under `unshare <flag>`; resolves to undefined when it isolates, or why it does not. */
function probe(unshare: string, flag: string, nodePath: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile(unshare, [flag, nodePath, '-e', PROBE], { timeout: PROBE_TIMEOUT_MS, env: {} }, (err, stdout, stderr) => {
      if (err) return resolve((stderr.trim() || err.message).split('\n')[0]);
      let interfaces: unknown;
      try {
        interfaces = JSON.parse(stdout);
      } catch {
        return resolve(`unexpected probe output ${JSON.stringify(stdout.slice(0, 200))}`);
      }
      const outside = Array.isArray(interfaces) ? interfaces.filter((name) => name !== 'lo') : ['?'];
      resolve(outside.length === 0 ? undefined : `interfaces still visible inside: ${outside.join(', ')}`);
    });
  });
}

export async function detectNetworkIsolation(opts: {
  mode: 'auto' | 'off';
  unshareCommand?: string;
  nodePath: string;
}): Promise<NetworkIsolation> {
  const none = (why: string): NetworkIsolation => ({
    isolated: false,
    prefix: [],
    note: `not network-isolated: ${why}; Python code could reach this machine's network (the file, process and worker restrictions still apply)`,
  });
  if (opts.mode === 'off') return none('turned off by configuration (network: off)');
  const unshare = opts.unshareCommand ?? findOnPath('unshare');
  if (!unshare) return none('the unshare program (util-linux) was not found on PATH');

  const isRoot = process.getuid?.() === 0;
  const flags = isRoot ? ['-n', '-rn'] : ['-rn', '-n'];
  const failures: string[] = [];
  for (const flag of flags) {
    const failure = await probe(unshare, flag, opts.nodePath);
    if (!failure) return { isolated: true, prefix: [unshare, flag], note: `network namespace via "unshare ${flag}": the sandbox sees no network interface` };
    failures.push(`"unshare ${flag}" failed (${failure})`);
  }
  return none(`${failures.join('; ')}. Run as root, or enable unprivileged user namespaces`);
}
