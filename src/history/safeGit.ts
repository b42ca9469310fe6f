/**
 * git for untrusted repositories. A repository's own `.git/config` can name
 * programs that git would run: fsmonitor, hooks, textconv and external diff
 * drivers, pagers, signature verifiers. Every such key `git log --numstat`
 * could reach is overridden on the command line (which wins over repo config),
 * the diff machinery is told not to use drivers at all, and the environment is
 * rebuilt from scratch so neither the user's nor the system's git config or
 * GIT_* variables change what runs or what the output looks like.
 */
import { simpleGit, type SimpleGit } from 'simple-git';

/** `-c key=value` overrides, each closing a way a repository could make git run a program. */
export const HARDENING_CONFIG: readonly string[] = [
  'core.fsmonitor=false',
  'core.hooksPath=/dev/null',
  'core.pager=cat',
  'pager.log=false',
  'diff.external=',
  'log.showSignature=false',
  'gpg.program=false',
  'gpg.ssh.program=false',
  'gpg.x509.program=false',
  'core.quotePath=false',
  'core.untrackedCache=false',
  'color.ui=false',
  'log.mailmap=true',
  'i18n.logOutputEncoding=UTF-8',
  'diff.renames=true',
  'diff.renameLimit=1000',
  'log.follow=false',
  'diff.relative=false',
  'diff.noprefix=false',
];

/** Options that keep `git log` away from drivers even if a key above were missed. */
export const HARDENED_LOG_OPTIONS: readonly string[] = [
  '--no-textconv',
  '--no-ext-diff',
  '--no-color',
  '--no-show-signature',
];

/** The only environment git sees. */
export function hardenedEnv(repoDir: string): Record<string, string> {
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? '/nonexistent',
    LC_ALL: 'C',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_TERMINAL_PROMPT: '0',
    GIT_OPTIONAL_LOCKS: '0',
    GIT_ATTR_NOSYSTEM: '1',
    GIT_PAGER: 'cat',
    PAGER: 'cat',
    // Stop git looking above the repository for another one (and its config).
    GIT_CEILING_DIRECTORIES: parentOf(repoDir),
  };
  if (process.env.SYSTEMROOT) env.SYSTEMROOT = process.env.SYSTEMROOT; // git on Windows needs it
  return env;
}

/**
 * How long git may go without a byte of output before it is killed: a FIFO or
 * device planted as `packed-refs`, a ref or the index blocks git's open() for
 * ever, and no repository-side check can list every file git reads.
 * `ASSESS_GIT_BLOCK_TIMEOUT_MS` changes it (default 120 s).
 */
export function gitBlockTimeoutMs(env: NodeJS.ProcessEnv = process.env): number {
  const value = Number(env.ASSESS_GIT_BLOCK_TIMEOUT_MS);
  return Number.isSafeInteger(value) && value > 0 ? value : 120_000;
}

export function hardenedGit(repoDir: string, abort?: AbortSignal): SimpleGit {
  const env = hardenedEnv(repoDir);
  return simpleGit({
    baseDir: repoDir,
    config: [...HARDENING_CONFIG],
    maxConcurrentProcesses: 1,
    timeout: { block: gitBlockTimeoutMs() },
    // simple-git strips ambient GIT_* variables (good) and guards those set explicitly: ours are allowed.
    allowEnvironment: Object.keys(env),
    ...(abort ? { abort } : {}),
    // simple-git refuses these keys by default because a caller could set them to
    // something dangerous; here they are set to values that switch the features off.
    unsafe: {
      allowUnsafeFsMonitor: true,
      allowUnsafeHooksPath: true,
      allowUnsafePager: true,
      allowUnsafeDiffExternal: true,
      allowUnsafeGpgProgram: true,
      allowUnsafeConfigPaths: true,
    },
  }).env(env);
}

function parentOf(dir: string): string {
  const trimmed = dir.replace(/[\\/]+$/, '');
  const cut = Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\'));
  return cut > 0 ? trimmed.slice(0, cut) : '/';
}
