export * from './clock.ts';
export * from './entities.ts';
export * from './merge.ts';
export * from './primitives.ts';
export * from './responses.ts';
export * from './row.ts';
export * from './wire.ts';
