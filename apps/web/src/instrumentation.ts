/** Called by Next once per server process before it serves (`pnpm start`'s server.mjs, `next dev`). */
export async function register(): Promise<void> {
  // Next also builds this file for its edge runtime, where the database cannot load.
  // NEXT_RUNTIME is Next's build-time constant (inlined per bundle), not configuration.
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { boot } = await import('./server/boot');
    await boot();
  }
}
