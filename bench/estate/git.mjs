/**
 * Git history of a generated repository, written with git's own bulk import
 * (`git fast-import`: one process per repository, no work tree checkout, no
 * hooks run) so 400 repositories get their commits in seconds. The last
 * revision of every file is what the work tree holds, so the scan reads a
 * clean checkout.
 */
import { execFileSync } from 'node:child_process';

/** Git with no user or system configuration and no hooks: the generator must not run anything else. */
const GIT_ENV = {
  PATH: process.env.PATH,
  HOME: '/nonexistent',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_TERMINAL_PROMPT: '0',
};
const NO_HOOKS = ['-c', 'core.hooksPath=/dev/null', '-c', 'core.fsmonitor=false'];

function git(cwd, args, input) {
  return execFileSync('git', [...NO_HOOKS, ...args], { cwd, env: GIT_ENV, input, maxBuffer: 1 << 30 });
}

/**
 * Imports COMMITS into a fresh repository at DIR. Each commit is
 * `{ author, time (unix seconds), message, files: [{ path, content }] }`; the
 * first usually adds every file, later ones change a few.
 */
export function writeHistory(dir, commits) {
  git(dir, ['init', '-q', '--initial-branch=main']);
  const chunks = [];
  commits.forEach((commit, i) => {
    const who = `${commit.author} <${commit.author.toLowerCase().replace(/\s+/g, '.')}@example.com> ${commit.time} +0000`;
    const message = Buffer.from(commit.message);
    chunks.push(`commit refs/heads/main\nmark :${i + 1}\nauthor ${who}\ncommitter ${who}\n`);
    chunks.push(`data ${message.length}\n`, message, '\n');
    if (i > 0) chunks.push(`from :${i}\n`);
    for (const file of commit.files) {
      const data = Buffer.from(file.content);
      chunks.push(`M 100644 inline ${file.path}\ndata ${data.length}\n`, data, '\n');
    }
    chunks.push('\n');
  });
  const stream = Buffer.concat(chunks.map((c) => (typeof c === 'string' ? Buffer.from(c) : c)));
  git(dir, ['fast-import', '--quiet', '--date-format=raw'], stream);
  // An index matching HEAD, so `git status` of the generated checkout is clean.
  git(dir, ['read-tree', 'HEAD']);
  git(dir, ['update-index', '-q', '--refresh']);
}
