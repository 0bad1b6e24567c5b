export {
  createOdooConnector,
  type NoteEntry,
  type OdooConnector,
  type OdooConnectorOptions,
  type ReleaseEntry,
  type ReleaseRecord,
} from './connector.js';
export {
  afterKeyset,
  decodeCursor,
  encodeCursor,
  type Keyset,
  type KeysetQuery,
  type SinceQuery,
} from './cursor.js';
export type { NoteResult } from './notes.js';
export type { OrderWithPickings } from './orders.js';
export type { CreatedOrder } from './orders-create.js';
export type { PickingTarget } from './requests.js';
export type { ApplyShipmentResult, Remainder } from './ship.js';
export type { ShortLine } from './short-lines.js';
export type { OdooPage, SkippedRecord } from './skipped.js';
export { storableLeaf } from './version.js';
