import { replayDeadLetters } from '@crossdock/idempotency';
import { STEPS } from '../flows/steps.ts';
import { replayLetter } from '../runtime/replay.ts';
import type { Command } from './commands.ts';
import { withService } from './session.ts';

const USAGE =
  'usage: crossdock dlq list | show <id> | replay <id>… | replay --all | discard <id> --reason "…"';

export const dlqCommand: Command = {
  summary: 'dlq list | show <id> | replay <id|--all> | discard <id> --reason: the dead-letter store',
  options: { all: { type: 'boolean' }, reason: { type: 'string' } },
  async run(context) {
    const [action, ...ids] = context.args;
    return withService(context.config(), async ({ runtime }) => {
      const store = runtime.stores.deadLetters;
      switch (action) {
        case 'list': {
          let after: string | undefined;
          do {
            const page = await store.list({ status: 'pending', after });
            for (const letter of page.items) {
              context.out(
                `${letter.id}  ${letter.source}  ${letter.key}  attempts=${letter.attempts}  ${letter.correlationId ?? '-'}  ${letter.errors[0]?.message ?? ''}`,
              );
            }
            after = page.next;
          } while (after !== undefined);
          return 0;
        }
        case 'show': {
          const letter = ids[0] === undefined ? undefined : await store.get(ids[0]);
          if (letter === undefined) {
            context.out(`no dead letter ${ids[0] ?? ''}`);
            return 1;
          }
          context.out(JSON.stringify(letter, null, 2));
          return 0;
        }
        case 'replay': {
          const targets = context.flags.all === true ? await allPending(store) : ids;
          if (targets.length === 0) {
            context.out(USAGE);
            return 2;
          }
          const report = await replayDeadLetters(
            store,
            targets,
            (payload, replay) => replayLetter(runtime, STEPS, payload, replay),
            {
              onProgress: (p) =>
                context.progress(
                  `replay: ${p.done}/${p.total}, ${p.replayed} replayed, ${p.failed} failed, ${p.skipped} skipped`,
                ),
            },
          );
          context.out(
            JSON.stringify({
              replayed: report.replayed.length,
              failed: report.failed.length,
              skipped: report.skipped,
            }),
          );
          return report.failed.length > 0 ? 1 : 0;
        }
        case 'discard': {
          const reason = context.flags.reason;
          if (ids[0] === undefined || typeof reason !== 'string' || reason === '') {
            context.out(USAGE);
            return 2;
          }
          const letter = await store.discard(ids[0], reason);
          context.out(`discarded ${letter.id}: ${reason}`);
          return 0;
        }
        default:
          context.out(USAGE);
          return 2;
      }
    });
  },
};

async function allPending(store: import('@crossdock/idempotency').DeadLetterStore): Promise<string[]> {
  const ids: string[] = [];
  let after: string | undefined;
  do {
    const page = await store.list({ status: 'pending', after });
    ids.push(...page.items.map((letter) => letter.id));
    after = page.next;
  } while (after !== undefined);
  return ids;
}
