// Waiting in a drill: asks again every 250 ms (or `intervalMs`) until the answer is right, treating a failed question (the
// database is down in the middle of a drill) as "not yet", and fails naming what it waited for.
export async function pollUntil<T>(what: string, ask: () => Promise<T>, ok: (value: T) => boolean, timeoutMs: number, intervalMs = 250): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last: T | Error | undefined;
  for (;;) {
    try {
      last = await ask();
      if (ok(last)) return last;
    } catch (error) {
      last = error as Error;
    }
    if (Date.now() > end)
      throw new Error(`${what}: not within ${timeoutMs / 1000} s (last: ${last instanceof Error ? last.message : JSON.stringify(last)})`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** GET on loopback: status and body, or status 0 when nothing answers. */
export async function get(url: string): Promise<{ status: number; body: string }> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(10_000) });
    return { status: response.status, body: await response.text() };
  } catch {
    return { status: 0, body: "" };
  }
}
