export { createOdooConnector, type OdooConnector, type OdooConnectorOptions } from './connector.js';
export { afterKeyset, decodeCursor, encodeCursor, type Keyset } from './cursor.js';
export type { ApplyShipmentResult, Remainder } from './ship.js';
export type { OdooPage, SkippedRecord } from './skipped.js';
export { storableLeaf } from './version.js';
