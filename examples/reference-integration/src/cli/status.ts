import { serviceStatus } from '../runtime/status.ts';
import type { Command } from './commands.ts';
import { withService } from './session.ts';

export const statusCommand: Command = {
  summary: 'cursor positions, queue depth, oldest message age and dead-letter count',
  async run(context) {
    const status = await withService(context.config(), (service) => serviceStatus(service.runtime));
    for (const cursor of status.cursors)
      context.out(`cursor ${cursor.name}: ${cursor.value} (moved ${cursor.updatedAt})`);
    const { queue } = status;
    context.out(
      `queue: ${queue.waiting} waiting, ${queue.delayed} delayed, ${queue.active} active, oldest ${Math.round(queue.oldestAgeMs / 1000)} s`,
    );
    context.out(`dead letters pending: ${status.deadLetters}`);
    return 0;
  },
};
