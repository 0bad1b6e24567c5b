export {
  createOdooConnector,
  type OdooConnector,
  type OdooConnectorOptions,
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
export type { PickingTarget } from './requests.js';
export type { ApplyShipmentResult, Remainder } from './ship.js';
export type { OdooPage, SkippedRecord } from './skipped.js';
export { storableLeaf } from './version.js';
