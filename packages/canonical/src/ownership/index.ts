export {
  assertWrite,
  checkWrite,
  type OwnershipDecision,
  OwnershipViolationError,
  type RefusedField,
  type WriteIntent,
} from './check.js';
export { defaultOwnershipPolicy } from './default-policy.js';
export {
  defineOwnershipPolicy,
  type OwnershipPolicy,
  OwnershipPolicySchema,
  type RecordOwnership,
  RecordOwnershipSchema,
} from './policy.js';
