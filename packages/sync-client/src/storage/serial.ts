/**
 * Runs async tasks one after another. Storage adapters use it so that an
 * awaiting transaction never sees another one's statements on the same
 * connection, which SQLite drivers with async APIs would otherwise allow.
 */
export function createSerialQueue() {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>): Promise<T> => {
    const run = tail.then(task);
    tail = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  };
}
