import { MemoryCursorStore } from '../src/index.js';
import { describeCursorContract } from './conformance/cursor-contract.js';

// A memory store cannot be shared between instances: the "other instance" is the same store.
describeCursorContract('MemoryCursorStore', async () => {
  const store = new MemoryCursorStore();
  return { store, peer: store };
});
