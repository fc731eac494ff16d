/** What a bounded load did: operations finished, and every failure with what it was doing. */
export interface LoadResult {
  operations: number;
  failures: string[];
}

/**
 * A failure's message with its cause's: fetch puts the socket error there (ECONNRESET, "other
 * side closed"), openid-client the response whose status it did not expect.
 */
function describe(error: unknown): string {
  const e = error as { message?: string; cause?: { code?: string; message?: string; status?: number } };
  const cause = e.cause?.code ?? e.cause?.status ?? e.cause?.message;
  return cause ? `${e.message} (${cause})` : String(e.message ?? error);
}

/**
 * Runs `workers` concurrent loops of `operation` until `stop` resolves; bounded all the same by
 * `maxOperations` and `maxMs`, so a test that goes wrong never loads the machine for long.
 * An operation fails by throwing; the loop goes on.
 */
export async function runLoad(
  options: { workers: number; maxOperations: number; maxMs: number; stop: Promise<unknown> },
  operation: (n: number) => Promise<void>,
): Promise<LoadResult> {
  const result: LoadResult = { operations: 0, failures: [] };
  let stopped = false;
  void options.stop.then(() => (stopped = true));
  const deadline = Date.now() + options.maxMs;
  let started = 0;
  const worker = async () => {
    while (!stopped && Date.now() < deadline && started < options.maxOperations) {
      const n = started++;
      try {
        await operation(n);
      } catch (error) {
        result.failures.push(`operation ${n}: ${describe(error)}`);
      }
      result.operations++;
    }
  };
  await Promise.all(Array.from({ length: options.workers }, worker));
  return result;
}
