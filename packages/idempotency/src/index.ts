export { MemoryAuditLog, type MemoryAuditLogOptions } from './audit/memory.js';
export {
  AUDIT_KINDS,
  type AuditEntry,
  type AuditEntryInput,
  type AuditKind,
  type AuditLog,
  type AuditLogOptions,
  type AuditPage,
  type AuditPageOptions,
  type AuditQuery,
  type AuditSubject,
  type PruneAuditOptions,
} from './audit/types.js';
export { type BreakerEvents, CircuitBreaker, type CircuitBreakerOptions } from './breaker/breaker.js';
export {
  type BreakerSnapshot,
  type BreakerState,
  type BreakerStateStore,
  MemoryBreakerStateStore,
} from './breaker/state-store.js';
export { type Clock, ManualClock, systemClock } from './clock.js';
export { CursorConflictError } from './cursor/errors.js';
export { MemoryCursorStore } from './cursor/memory.js';
export type { CursorStore, SetCursorOptions, StoredCursor } from './cursor/types.js';
export { type ErrorRecord, serializeErrorChain } from './dead-letter/error-chain.js';
export { MemoryDeadLetterStore } from './dead-letter/memory.js';
export {
  type ReplayContext,
  type ReplayOptions,
  type ReplayProgress,
  type ReplayReport,
  replayDeadLetters,
} from './dead-letter/replay.js';
export type {
  DeadLetter,
  DeadLetterInput,
  DeadLetterPage,
  DeadLetterQuery,
  DeadLetterStatus,
  DeadLetterStore,
} from './dead-letter/types.js';
export {
  CircuitOpenError,
  DeadLetterNotFoundError,
  DeadLetterStateError,
  IdempotencyError,
  InProgressError,
  isIdempotencyError,
  KeyMismatchError,
  RetryBudgetExhaustedError,
  StaleTokenError,
  type StaleTokenReason,
  StoredFailureError,
} from './errors.js';
export { canonicalJson, fingerprint } from './fingerprint.js';
export { type IdempotentOptions, idempotent } from './idempotent.js';
export { type KeyScope, scopedKey } from './keys.js';
export { MemoryOrderingStore } from './memory/ordering.js';
export { MemoryStore, type MemoryStoreOptions } from './memory/store.js';
export { positionValue } from './ordering.js';
export {
  type Enqueued,
  type Job,
  type JobHandler,
  type JobInput,
  type JobOutcome,
  MemoryWorkQueue,
  type MemoryWorkQueueOptions,
  type QueueStats,
  type WorkQueueEvents,
} from './queue/index.js';
export { type AcquireOptions, RateLimiter, type RateLimiterOptions } from './rate-limit/limiter.js';
export { MemoryTokenBucketStore } from './rate-limit/memory.js';
export type { BucketLimits, TakeResult, TokenBucketStore } from './rate-limit/types.js';
export { RetryBudget, type RetryBudgetOptions } from './retry/budget.js';
export { defaultClassifier, type RetryClassifier, type RetryVerdict } from './retry/classify.js';
export { type RetryInfo, type RetryPolicy, retry } from './retry/retry.js';
export { parseRetryAfter } from './retry/retry-after.js';
export type {
  ClaimOptions,
  ClaimResult,
  FailOptions,
  IdempotencyStore,
  OrderingDecision,
  OrderingPosition,
  OrderingStore,
} from './store.js';
