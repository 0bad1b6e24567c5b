import { pollReleases } from '../flows/release.ts';
import type { Command } from './commands.ts';
import { withService } from './session.ts';

export const releaseCommand: Command = {
  summary: 'release --once: read Odoo from the stored cursor and release every ready picking, then exit',
  options: { once: { type: 'boolean' } },
  async run(context) {
    if (context.flags.once !== true) {
      context.out('release runs inside `crossdock run`; use `crossdock release --once` for one pass');
      return 2;
    }
    const report = await withService(context.config(), (service) =>
      pollReleases(service.runtime, {
        onProgress: (r) =>
          context.progress(
            `release: ${r.read} read, ${r.released}/${r.queued} released, ${r.deadLettered} dead-lettered`,
          ),
      }),
    );
    context.out(JSON.stringify(report));
    return report.deadLettered > 0 ? 1 : 0;
  },
};
