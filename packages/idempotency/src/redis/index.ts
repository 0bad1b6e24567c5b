export { RedisBreakerStateStore, type RedisBreakerStateStoreOptions } from './breaker-state.js';
export { RedisOrderingStore, type RedisOrderingStoreOptions } from './ordering.js';
export { RedisTokenBucketStore, type RedisTokenBucketStoreOptions } from './rate-limit.js';
export { RedisStore, type RedisStoreOptions } from './store.js';
