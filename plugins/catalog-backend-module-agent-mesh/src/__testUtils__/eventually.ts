/**
 * Reads until `done` holds or the attempts (every 500 ms) run out, and returns the last value;
 * for state that the catalog reaches asynchronously. The caller asserts on the value.
 */
export async function eventually<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  attempts = 120,
): Promise<T> {
  let value = await read();
  for (let attempt = 0; attempt < attempts && !done(value); attempt++) {
    await new Promise(r => setTimeout(r, 500));
    value = await read();
  }
  return value;
}
