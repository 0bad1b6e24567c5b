import { createService } from '../service.ts';
import type { Command } from './commands.ts';

export const runCommand: Command = {
  summary: 'run every flow as a service, with the webhook endpoint, until SIGINT/SIGTERM',
  async run(context) {
    const service = await createService(context.config());
    await service.start();
    context.out(`crossdock listening on ${service.url()} (POST /webhooks/<system>, GET /status)`);
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    context.progress('stopping: letting running steps finish');
    await service.stop();
    return 0;
  },
};
