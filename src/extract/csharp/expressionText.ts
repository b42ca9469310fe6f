import { visit } from './traversal.js';
import type { WalkContext, WalkedCall } from './walkContext.js';

/** Longest expression (`_clients[key]`, `(await Open())`) shown as written. */
const MAX_WRITTEN_RECEIVER = 80;

/**
 * Calls and creations render as their callee (`GetConnection()`,
 * `new SqlConnection()`), known from the call handler that just walked them;
 * other expressions as written when short and on one line.
 */
export function readExpressionText(ctx: WalkContext): string | undefined {
  const { cursor } = ctx;
  const kind = ctx.kinds.current(cursor).name;
  if (kind === 'invocation_expression' || kind === 'object_creation_expression') {
    visit(ctx);
    // Its handler ran one level below this one and finished last, unless the depth limit skipped it.
    const call = ctx.lastCall;
    return call.depth === ctx.handlerDepth + 1 ? renderCall(call) : undefined;
  }
  const start = cursor.startIndex;
  const end = cursor.endIndex;
  visit(ctx);
  if (end - start > MAX_WRITTEN_RECEIVER) return undefined;
  const written = ctx.text.substring(start, end);
  if (written.includes('\n')) return undefined;
  const text = compact(written);
  return text.startsWith('this.') ? text.slice('this.'.length) : text;
}

/** `GetConnection()`, `_factory.Create()`, `new SqlConnection()`; a receiver that is itself a call result is left out to keep it short. */
function renderCall(call: WalkedCall): string | undefined {
  const { written, receiver } = call;
  if (written === undefined) return undefined;
  if (call.isConstructor) return `new ${written}()`;
  return receiver === undefined || receiver.includes('(') ? `${written}()` : `${receiver}.${written}()`;
}

/** Drops whitespace around punctuation, keeps one space between words: `List< int >` → `List<int>`, `(await Open())`. */
export function compact(written: string): string {
  return /\s/.test(written)
    ? written
        .replace(/\s+/g, ' ')
        .replace(/ ?([^\w\s]) ?/g, '$1')
        .trim()
    : written;
}
