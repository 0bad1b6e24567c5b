export { createOdooClient, OdooClient } from './client/client.js';
export { fromOdooDatetime, toOdooDatetime } from './client/datetime.js';
export type { ClientEvents, OdooLogger } from './client/events.js';
export {
  type CallContextOptions,
  type DomainInput,
  OdooModel,
  type ReadGroupOptions,
  type SearchOptions,
  type SearchReadOptions,
  type StreamOptions,
} from './client/model.js';
export { denormalizeValues, type FieldTypes, type Many2one, normalizeRecord } from './client/normalize.js';
export type { OdooClientOptions, OdooRetryOptions } from './client/options.js';
export { OdooPartialCreateError } from './client/partial-create-error.js';
export { READ_ONLY_METHODS } from './client/safe-methods.js';
export * from './codegen/index.js';
export * from './domain/index.js';
export * from './errors/index.js';
export * from './models/index.js';
export {
  chooseTransport,
  detectServer,
  Json2Transport,
  JsonRpcTransport,
  type OdooAuth,
  SessionTransport,
} from './transport/index.js';
export type { CallOptions, OdooCall, ServerVersion, Transport, TransportName } from './transport/types.js';
export { type X2ManyCommand, type X2ManyValues, x2many } from './x2many.js';
