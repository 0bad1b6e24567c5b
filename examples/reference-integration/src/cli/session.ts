import type { Config } from '../config/schema.ts';
import { createService, type Service } from '../service.ts';

/** Runs `work` against a service built from the configuration (not listening), then stops it. */
export async function withService<T>(config: Config, work: (service: Service) => Promise<T>): Promise<T> {
  const service = await createService(config, { log: quietLogger });
  try {
    return await work(service);
  } finally {
    await service.stop();
  }
}

/** One-shot commands print results, not logs; warnings and errors still go to stderr. */
const quietLogger = {
  info: () => {},
  warn: (message: string, fields?: Record<string, unknown>) =>
    console.error(JSON.stringify({ level: 'warn', message, ...fields })),
  error: (message: string, fields?: Record<string, unknown>) =>
    console.error(JSON.stringify({ level: 'error', message, ...fields })),
};
