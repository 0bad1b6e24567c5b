export { type DomainBuilder, domain, domainFor, FALSE_LEAF, TRUE_LEAF, where } from './builder.js';
export {
  type InvalidDomainDetails,
  InvalidDomainError,
  type InvalidDomainReason,
  isInvalidDomainError,
} from './errors.js';
export { normalizeDomain } from './normalize.js';
export {
  type HierarchyOperator,
  isOperator,
  isPrefixOperator,
  type ListOperator,
  OPERATORS,
  type Operator,
  PREFIX_ARITY,
  type PrefixOperator,
  type ScalarOperator,
  type SubdomainOperator,
} from './operators.js';
export type {
  AnyRecord,
  Domain,
  DomainLeaf,
  DomainScalar,
  DomainTerm,
  DomainToken,
  FalseLeaf,
  FieldPath,
  TrueLeaf,
  ValueFor,
} from './types.js';
export { isValidDomain, validateDomain } from './validate.js';
