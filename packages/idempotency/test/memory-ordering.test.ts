import { MemoryOrderingStore } from '../src/index.js';
import { describeOrderingContract } from './conformance/ordering-contract.js';

describeOrderingContract('MemoryOrderingStore', async () => ({ store: new MemoryOrderingStore() }));
