import { describe, expect, it } from 'vitest';
import { MemoryOrderingStore } from '../src/index.js';
import { describeOrderingContract } from './conformance/ordering-contract.js';

describeOrderingContract('MemoryOrderingStore', async () => ({ store: new MemoryOrderingStore() }));

describe('ordering positions given as numbers', () => {
  it('refuses a number version beyond 2^53, which would compare wrongly, and points to bigint', async () => {
    const guard = new MemoryOrderingStore();
    await expect(guard.acceptIfNewer('e', { version: 2 ** 53 + 2 })).rejects.toThrow('pass a bigint');
    expect(await guard.acceptIfNewer('e', { version: 2n ** 53n + 1n })).toEqual({ accepted: true });
  });
});
