/** A progress bar on stderr for interactive terminals; nothing otherwise. Debug lines with `ASSESS_DEBUG=1`. */
import cliProgress from 'cli-progress';
import type { ScanListener } from '../core/events.js';

export function terminalProgress(
  enabled: boolean,
  debug: ((line: string) => void) | undefined = debugOutput(),
): { listener?: ScanListener; stop(): void } {
  const bar = enabled ? progressBar() : undefined;
  if (!debug) return bar ?? { stop() {} };
  const started = performance.now();
  return {
    listener: (event) => {
      if (event.type === 'debug') debug(`assess: debug: ${event.message}\n`);
      else bar?.listener?.(event);
      // When each phase began: where a scan's time goes.
      if (event.type === 'phase')
        debug(`assess: debug: phase ${event.phase} at ${((performance.now() - started) / 1000).toFixed(2)} s\n`);
    },
    stop: () => bar?.stop(),
  };
}

function debugOutput(): ((line: string) => void) | undefined {
  const flag = process.env.ASSESS_DEBUG;
  return flag && flag !== '0' && flag !== 'false' ? (line) => process.stderr.write(line) : undefined;
}

function progressBar(): { listener?: ScanListener; stop(): void } {
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: ' {phase} |{bar}| {value}/{total} files | {rate} files/s | {repo}',
      hideCursor: true,
      clearOnComplete: true,
      etaBuffer: 50,
      fps: 10,
    },
    cliProgress.Presets.shades_classic,
  );
  const started = Date.now();
  let running = false;
  const listener: ScanListener = (event) => {
    if (event.type === 'discovered') {
      bar.start(event.files, 0, { phase: 'extract', repo: '', rate: 0 });
      running = true;
    } else if (event.type === 'file-done' && running) {
      const seconds = Math.max((Date.now() - started) / 1000, 0.001);
      bar.update(event.done, { repo: event.repo, rate: Math.round(event.done / seconds) });
    } else if (event.type === 'phase' && running && event.phase !== 'extract') {
      bar.update({ phase: event.phase });
    }
  };
  return {
    listener,
    stop() {
      if (running) bar.stop();
      running = false;
    },
  };
}
