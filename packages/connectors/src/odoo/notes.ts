import { isOdooError } from '@crossdock/odoo-client';
import type { OdooContext } from './context.js';
import { recordShape } from './shape.js';

/** What posting a note answered: whether a message was added, and its `mail.message` id. */
export interface NoteResult {
  /** False when the picking already had this note (a repeated call): nothing was posted. */
  readonly posted: boolean;
  readonly messageId?: number;
}

const MESSAGE = recordShape('mail.message', { body: 'text' });
const CORRELATION = ' (correlation ';

/** The text as posted: the correlation id, when there is one, at the end. */
export function withCorrelation(text: string, correlationId: string | undefined): string {
  return correlationId === undefined ? text : `${text}${CORRELATION}${correlationId})`;
}

const ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

/** Whitespace runs as one space, trimmed: Odoo's sanitiser may reflow a body. */
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * The text of a note as it was posted, from the HTML Odoo stores (tags dropped, entities decoded,
 * whitespace squashed), without its correlation suffix.
 *
 * @example noteText('<p>Crossdock: a &amp; b (correlation c-1)</p>'); // 'Crossdock: a & b'
 */
export function noteText(body: unknown): string {
  if (typeof body !== 'string') return '';
  const text = squash(
    body.replace(/<[^>]*>/g, ' ').replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, code: string) => {
      if (code.startsWith('#x') || code.startsWith('#X'))
        return String.fromCodePoint(Number.parseInt(code.slice(2), 16));
      if (code.startsWith('#')) return String.fromCodePoint(Number(code.slice(1)));
      return ENTITIES[code.toLowerCase()] ?? entity;
    }),
  );
  const at = text.lastIndexOf(CORRELATION);
  return at >= 0 && text.endsWith(')') ? text.slice(0, at) : text;
}

/** The id `message_post` answers: an id on 17 and 18 (`@api.returns`), a list of one id on 19. */
function messageIdOf(answer: unknown): number | undefined {
  const id = Array.isArray(answer) ? answer[0] : answer;
  return typeof id === 'number' ? id : undefined;
}

/**
 * Posts an internal note in a picking's chatter with Odoo's own `message_post` (`stock.picking`
 * inherits `mail.thread`): `message_type='comment'`, `subtype_xmlid='mail.mt_note'`, so followers are
 * not e-mailed. The body is plain text: Odoo 17+ escapes a `str` body itself, so it is sent unescaped
 * (escaping it here would show `&amp;` in the chatter).
 *
 * @example await postNote(ctx, 21, 'Crossdock: released to ShipBob as order 123 (accepted).', 'c-1');
 */
export async function postNote(
  ctx: OdooContext,
  pickingId: number,
  text: string,
  correlationId: string | undefined,
): Promise<NoteResult> {
  const answer = await ctx.client.model('stock.picking').call('message_post', {
    ids: [pickingId],
    params: {
      body: withCorrelation(text, correlationId),
      message_type: 'comment',
      subtype_xmlid: 'mail.mt_note',
    },
  });
  const messageId = messageIdOf(answer);
  return messageId === undefined ? { posted: true } : { posted: true, messageId };
}

/**
 * Posts `text` on the picking unless one of its notes already says it (`same` compares texts
 * without their correlation suffix; default: equal), so a repeated operation posts once. One
 * `search_read` of the picking's notes, then at most one `message_post`.
 *
 * @example await postNoteOnce(ctx, 21, text, 'c-1', (old) => old.startsWith('Crossdock shipment S-1:'));
 */
export async function postNoteOnce(
  ctx: OdooContext,
  pickingId: number,
  text: string,
  correlationId: string | undefined,
  same: (existing: string) => boolean = (existing) => existing === squash(text),
): Promise<NoteResult> {
  const notes = MESSAGE.check(
    await ctx.client.model('mail.message').searchRead({
      domain: [
        ['model', '=', 'stock.picking'],
        ['res_id', '=', pickingId],
        ['message_type', '=', 'comment'],
      ],
      fields: MESSAGE.fields,
    }),
  );
  if (notes.some((note) => same(noteText(note.body)))) return { posted: false };
  return postNote(ctx, pickingId, text, correlationId);
}

/** What posting the note of a write that already happened answered: a failure is a fact, not an error. */
export interface NoteAfterWrite extends NoteResult {
  /** Why the note could not be posted; the write stands either way. */
  readonly failure?: string;
}

/**
 * Posts the note of a write that has already happened in Odoo. A failure to post is answered, not
 * thrown: throwing would hide the write's result from the caller, whose retry would find the write
 * done (or, for a return, make a second one). The caller reports `failure` and may note it again.
 *
 * @example const note = await postNoteAfterWrite(ctx, 21, text, 'c-1');
 */
export async function postNoteAfterWrite(
  ctx: OdooContext,
  pickingId: number,
  text: string,
  correlationId: string | undefined,
): Promise<NoteAfterWrite> {
  try {
    return await postNote(ctx, pickingId, text, correlationId);
  } catch (error) {
    const reason = isOdooError(error)
      ? (error.serverMessage ?? error.message)
      : error instanceof Error
        ? error.message
        : String(error);
    return {
      posted: false,
      failure: `the note on stock.picking:${pickingId} could not be posted: ${reason}`,
    };
  }
}
