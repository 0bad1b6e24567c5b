import type { AuditEntry } from '@crossdock/idempotency';
import type { Command } from './commands.ts';
import { withService } from './session.ts';

/** One line of a timeline: when, what kind, who, what, on which record. */
export function formatEntry(entry: AuditEntry): string {
  const subject = entry.subject ? ` ${entry.subject.type}:${entry.subject.id}` : '';
  return `${entry.at}  ${entry.kind.padEnd(8)}  ${entry.actor}  ${entry.action}${subject}`;
}

export const traceCommand: Command = {
  summary:
    'trace <correlationId>: the whole timeline of one order, from the first event to the last Odoo write',
  async run(context) {
    const [correlationId] = context.args;
    if (correlationId === undefined) {
      context.out('usage: crossdock trace <correlationId>   (e.g. order:S00042)');
      return 2;
    }
    const lines = await withService(context.config(), async (service) => {
      const out: string[] = [];
      let after: string | undefined;
      do {
        const page = await service.runtime.stores.audit.trace(correlationId, { after });
        out.push(...page.items.map(formatEntry));
        after = page.next;
      } while (after !== undefined);
      return out;
    });
    if (lines.length === 0) {
      context.out(`no entries for ${correlationId}`);
      return 1;
    }
    for (const line of lines) context.out(line);
    return 0;
  },
};
