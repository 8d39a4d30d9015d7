/** Polls every 200 ms until `read` gives a value, and returns it; throws after `timeoutMs`. */
export async function waitFor<T>(read: () => Promise<T | null | undefined | false>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
