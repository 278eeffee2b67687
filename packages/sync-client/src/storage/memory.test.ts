import { createMemoryStore } from './memory.ts';
import { storeContract } from './store-suite.ts';

storeContract('createMemoryStore', async () => createMemoryStore());
