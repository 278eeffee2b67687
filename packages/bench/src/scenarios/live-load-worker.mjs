// Worker threads do not inherit tsx's loader on Node 20: register it, then run the TypeScript.
import { register } from 'tsx/esm/api';

register();
await import('./live-load.ts');
