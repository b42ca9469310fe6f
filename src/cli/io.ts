/** What the CLI needs from the process, injectable for tests. */
export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  stderrIsTTY: boolean;
  color: boolean;
}

export function processIO(): CliIO {
  const noColor = process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '';
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    color: Boolean(process.stdout.isTTY) && !noColor && process.env.FORCE_COLOR !== '0',
  };
}
