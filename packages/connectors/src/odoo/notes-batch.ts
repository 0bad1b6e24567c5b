import type { OdooContext } from './context.js';
import { refusal } from './errors.js';
import { type NoteResult, noteText, withCorrelation } from './notes.js';
import { recordShape } from './shape.js';

/** One note to post on a picking, with the correlation id it ends with. */
export interface PickingNote {
  readonly pickingId: number;
  /** Plain text; escaped here (a `mail.message` body is HTML). */
  readonly text: string;
  readonly correlationId?: string;
}

const MESSAGE = recordShape('mail.message', { body: 'text', res_id: 'number' });
const XMLID = recordShape('ir.model.data', { res_id: 'number' });

/**
 * The id of the `mail.mt_note` subtype (an internal note: followers are not notified), by its xml id
 * in `ir.model.data` (readable by every internal user; `_xmlid_to_res_id` is private, so not callable
 * over RPC).
 *
 * @example const subtypeId = await noteSubtypeId(ctx); // 2 on a fresh database
 */
export async function noteSubtypeId(ctx: OdooContext): Promise<number> {
  const [row] = XMLID.check(
    await ctx.client.model('ir.model.data').searchRead({
      domain: [
        ['module', '=', 'mail'],
        ['name', '=', 'mt_note'],
      ],
      fields: XMLID.fields,
      limit: 1,
    }),
  );
  const id = typeof row?.res_id === 'number' ? row.res_id : undefined;
  if (id === undefined) {
    throw refusal('fulfillment.notes', 'no_note_subtype', 'Odoo has no mail.mt_note subtype', undefined);
  }
  return id;
}

/** Text as an HTML paragraph, escaped: what `message_post` stores for a plain-text body. */
function htmlParagraph(text: string): string {
  return `<p>${text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</p>`;
}

/**
 * Posts many notes on many pickings in two calls whatever their number: one `mail.message`
 * `search_read` of those pickings' notes (a note a picking already has is not posted again, nor twice
 * in one batch), then one `mail.message` `create` with a list of internal notes (`model`
 * `stock.picking`, `res_id`, `message_type` `comment`, subtype `mail.mt_note`). Creating messages
 * directly is what Odoo lets an internal user do on a record they may write (`mail.thread`'s
 * `_mail_post_access`); unlike `message_post` it notifies nobody, which is what an internal note wants.
 * Results come in the order of `notes`.
 *
 * @example await postNotesOnce(ctx, [{ pickingId: 21, text: 'Crossdock: released…', correlationId: 'c-1' }], 2);
 */
export async function postNotesOnce(
  ctx: OdooContext,
  notes: readonly PickingNote[],
  subtypeId: () => Promise<number>,
): Promise<NoteResult[]> {
  if (notes.length === 0) return [];
  const pickingIds = [...new Set(notes.map((note) => note.pickingId))];
  const existing = MESSAGE.check(
    await ctx.client.model('mail.message').searchRead({
      domain: [
        ['model', '=', 'stock.picking'],
        ['res_id', 'in', pickingIds],
        ['message_type', '=', 'comment'],
      ],
      fields: MESSAGE.fields,
    }),
  );
  const seen = new Set(existing.map((m) => `${String(m.res_id)}\u0000${noteText(m.body)}`));
  const toPost: { index: number; note: PickingNote }[] = [];
  for (const [index, note] of notes.entries()) {
    const key = `${note.pickingId}\u0000${noteText(htmlParagraph(note.text))}`;
    if (seen.has(key)) continue;
    seen.add(key);
    toPost.push({ index, note });
  }
  const results: NoteResult[] = notes.map(() => ({ posted: false }));
  if (toPost.length === 0) return results;
  const subtype = await subtypeId();
  const created = await ctx.client.model('mail.message').create(
    toPost.map(({ note }) => ({
      model: 'stock.picking',
      res_id: note.pickingId,
      body: htmlParagraph(withCorrelation(note.text, note.correlationId)),
      message_type: 'comment',
      subtype_id: subtype,
    })),
  );
  for (const [at, { index }] of toPost.entries()) {
    const messageId = created[at];
    results[index] = typeof messageId === 'number' ? { posted: true, messageId } : { posted: true };
  }
  return results;
}
