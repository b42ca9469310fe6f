/**
 * Which file a worker is on, in memory it shares with the pool: the watchdog reads it on its own
 * clock. A message per file instead woke the main thread ~1,000 times a scan and cost each worker
 * a tenth of its time.
 */

/** Slots: files started so far by the worker, and the index in its batch of the last one. */
export const PROGRESS = { started: 0, index: 1 } as const;

export function progressBuffer(): Int32Array {
  return new Int32Array(new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT));
}

/** Before each file: which one of the batch, then one more started (so a reader that sees the count sees the index). */
export function markStarted(progress: Int32Array, index: number): void {
  Atomics.store(progress, PROGRESS.index, index);
  Atomics.add(progress, PROGRESS.started, 1);
}
