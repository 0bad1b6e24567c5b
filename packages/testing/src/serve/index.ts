export {
  type ServedHandlers,
  type ServeHandlersOptions,
  serveHandlers,
  toFetchRequest,
  writeFetchResponse,
} from './serve-handlers.js';
