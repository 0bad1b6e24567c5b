export { RedisOrderingStore, type RedisOrderingStoreOptions } from './ordering.js';
export { RedisStore, type RedisStoreOptions } from './store.js';
export { RedisBreakerStateStore, type RedisBreakerStateStoreOptions } from './breaker-state.js';
export { RedisTokenBucketStore, type RedisTokenBucketStoreOptions } from './rate-limit.js';
