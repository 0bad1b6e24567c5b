import { MemoryStore } from '../src/index.js';
import { describeStoreContract } from './conformance/store-contract.js';

describeStoreContract('MemoryStore', async () => ({ store: new MemoryStore() }));
