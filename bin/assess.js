#!/usr/bin/env node
// The CLI is compiled TypeScript; a source checkout needs `npm run build` first.
let main;
try {
  ({ main } = await import('../dist/src/cli/main.js'));
} catch (error) {
  if (error?.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('dist/src/cli/main.js')) {
    process.stderr.write('assess: not built yet — run `npm run build` in the assess checkout first\n');
    process.exit(3);
  }
  throw error;
}
process.exitCode = await main(process.argv);
