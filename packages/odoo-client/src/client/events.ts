import type { TransportName } from '../transport/types.js';

/** What the client reports through its event emitter, for logging and metrics. */
export interface ClientEvents {
  /** A call is about to be sent (once per attempt). */
  request: (event: {
    readonly id: number;
    readonly model: string;
    readonly method: string;
    readonly attempt: number;
    readonly transport: TransportName;
  }) => void;
  /** A call answered. */
  response: (event: {
    readonly id: number;
    readonly model: string;
    readonly method: string;
    readonly durationMs: number;
  }) => void;
  /** A failed attempt will be tried again after `delayMs`. */
  retry: (event: {
    readonly id: number;
    readonly model: string;
    readonly method: string;
    readonly attempt: number;
    readonly delayMs: number;
    readonly error: unknown;
  }) => void;
  /** A call failed for good. */
  error: (event: {
    readonly id: number;
    readonly model: string;
    readonly method: string;
    readonly error: unknown;
  }) => void;
}

/** Where the client writes its own log lines; pino, console and most loggers fit. */
export interface OdooLogger {
  debug?(message: string, fields?: Record<string, unknown>): void;
  warn?(message: string, fields?: Record<string, unknown>): void;
}
