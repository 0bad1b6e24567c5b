import { MemoryDeadLetterStore } from '../src/index.js';
import { describeDeadLetterContract } from './conformance/dead-letter-contract.js';

describeDeadLetterContract('MemoryDeadLetterStore', async () => ({ store: new MemoryDeadLetterStore() }));
