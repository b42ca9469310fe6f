#!/usr/bin/env node
// The CLI is compiled TypeScript; a source checkout needs `npm run build` first.
let main;
let installSignalExit;
try {
  ({ main, installSignalExit } = await import('../dist/src/cli/main.js'));
} catch (error) {
  if (error?.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('dist/src/cli/main.js')) {
    process.stderr.write('assess: not built yet — run `npm run build` in the assess checkout first\n');
    process.exit(3);
  }
  throw error;
}
// Interrupted: temporary outputs removed, one line, exit 130 (SIGINT) or 143 (SIGTERM).
installSignalExit();
process.exitCode = await main(process.argv);
