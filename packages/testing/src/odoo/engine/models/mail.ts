import { faults } from '../faults.js';
import { browseStrict, create } from '../orm.js';
import { type Env, fieldOf, type MethodSpec, type ModelSpec } from '../registry.js';
import { displayName } from '../values.js';
import { related } from './util.js';

/** The ids of the subtypes a fresh database has, by xml id (`_xmlid_to_res_id`). */
export const SUBTYPE_IDS: Readonly<Record<string, number>> = {
  'mail.mt_comment': 1,
  'mail.mt_note': 2,
  'mail.mt_activities': 3,
};

/** mail.message.subtype: Discussions, Note (internal), Activities. */
export const messageSubtype: ModelSpec = {
  name: 'mail.message.subtype',
  description: 'Message subtypes',
  order: 'id',
};

/** The author and `From` of a message (`_message_compute_author`): the given partner, else the caller's. */
function authorOf(env: Env, authorId: unknown): { author_id: number | false; email_from: string | false } {
  const user = env.store.get('res.users', env.uid);
  const author = related(env, 'res.partner', authorId ?? user?.partner_id);
  return {
    author_id: author?.id ?? false,
    email_from: typeof author?.email === 'string' ? `"${String(author.name)}" <${author.email}>` : false,
  };
}

/**
 * mail.message: the chatter of every `mail.thread` record, newest first; shown by its record's name.
 * Created directly (`create`, one or a list of vals), as an integration may: `message_type` defaults to
 * `comment`, the author to the caller's partner; `body` is HTML (an `Html` field: sanitised, not
 * escaped, bare text put in a paragraph); a message on a record needs that record (Odoo checks the
 * document's access, `write` for a `mail.thread`, before it lets a message be created on it).
 */
export const message: ModelSpec = {
  name: 'mail.message',
  description: 'Message',
  order: 'id desc',
  displayName: (_env, rec) => (typeof rec.record_name === 'string' ? rec.record_name : ''),
  defaults: (env, vals) => ({
    message_type: 'comment',
    body: '',
    date: env.store.now(),
    ...authorOf(env, vals.author_id),
  }),
  beforeCreate(env, vals) {
    if (typeof vals.body === 'string') vals.body = sanitizedHtml(vals.body);
    if (typeof vals.model === 'string' && typeof vals.res_id === 'number' && vals.res_id > 0) {
      const document = env.store.get(vals.model, vals.res_id);
      if (!document) {
        throw faults.access(
          'The requested operation cannot be completed due to security restrictions. Please contact your system administrator.\n\n' +
            `(Document type: Message, Operation: create)\n\nUser: ${env.uid}`,
        );
      }
      if (vals.record_name === undefined) vals.record_name = displayName(env, vals.model, document);
    }
    return undefined;
  },
};

/** An HTML body as Odoo's sanitiser keeps it: markup as sent, bare text in a paragraph. */
function sanitizedHtml(body: string): string {
  if (body.trim() === '') return '';
  return /^\s*</.test(body) ? body : `<p>${body}</p>`;
}

/** `&`, `<` and `>` escaped, as a text body reads back once Odoo has escaped and sanitised it. */
function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * The stored body of a posted message: a `str` body is text and escaped (Odoo 17+ treats only a
 * `Markup` as HTML; over RPC a body is always a `str`, so only `body_is_html` keeps it as HTML); the
 * sanitiser puts bare text in a paragraph.
 */
function storedBody(body: unknown, isHtml: boolean): string {
  if (typeof body !== 'string' || body.trim() === '') return '';
  const html = isHtml ? body : escapeText(body);
  return /^\s*</.test(html) ? html : `<p>${html}</p>`;
}

/** Keyword arguments `message_post` refuses (`_raise_for_invalid_parameters`). */
const FORBIDDEN = ['model', 'res_id', 'subtype'];

/** `message_post` of every model that inherits `mail.thread`: a note or a message in the record's chatter. */
const messagePost: MethodSpec = {
  api: 'records',
  owner: 'MailThread',
  keywordOnly: true,
  varKeywords: true,
  params: [
    'body',
    'subject',
    'message_type',
    'email_from',
    'author_id',
    'parent_id',
    'subtype_xmlid',
    'subtype_id',
    'partner_ids',
    'attachments',
    'attachment_ids',
    'body_is_html',
  ],
  run: (env, ids, kw) => {
    const forbidden = FORBIDDEN.filter((name) => name in kw);
    if (forbidden.length > 0) {
      throw faults.valueError(
        `Those values are not supported as options when posting or notifying: ${forbidden.join(', ')}`,
      );
    }
    if (ids.length !== 1) {
      throw faults.valueError(`Expected singleton: ${env.model}(${ids.join(', ')})`);
    }
    const [record] = browseStrict(env, env.model, ids);
    if (!record) throw faults.missing(env.model, ids, env.uid);
    const messageType = typeof kw.message_type === 'string' ? kw.message_type : 'notification';
    if (messageType === 'user_notification') {
      throw faults.valueError('Use message_notify to send a notification to an user.');
    }
    const subtypeId =
      (typeof kw.subtype_xmlid === 'string' ? SUBTYPE_IDS[kw.subtype_xmlid] : undefined) ??
      (typeof kw.subtype_id === 'number' && kw.subtype_id > 0 ? kw.subtype_id : SUBTYPE_IDS['mail.mt_note']);
    const author = authorOf(env, kw.author_id);
    const first = env.store
      .all('mail.message')
      .find((m) => m.model === env.model && m.res_id === record.id && m.message_type !== 'user_notification');
    // Any other keyword naming a mail.message field becomes a value of the message, as in Odoo.
    const extra = Object.fromEntries(
      Object.entries(kw).filter(
        ([name]) => !messagePost.params.includes(name) && name !== 'id' && fieldOf(env, 'mail.message', name),
      ),
    );
    const id = create(env, 'mail.message', {
      ...extra,
      body: storedBody(kw.body, kw.body_is_html === true),
      subject: typeof kw.subject === 'string' && kw.subject !== '' ? kw.subject : false,
      message_type: messageType,
      subtype_id: subtypeId,
      model: env.model,
      res_id: record.id,
      record_name: displayName(env, env.model, record),
      author_id: author.author_id,
      email_from: typeof kw.email_from === 'string' ? kw.email_from : author.email_from,
      parent_id: typeof kw.parent_id === 'number' ? kw.parent_id : (first?.id ?? false),
      date: env.store.now(),
    });
    // 17 and 18 answer the id through `@api.returns`; 19's `call_kw` answers any recordset as its ids.
    return env.version >= 19 ? [id] : id;
  },
};

/** The methods of `mail.thread`, which every model with a chatter (`message_ids`) inherits. */
export const MAIL_THREAD_METHODS: Readonly<Record<string, MethodSpec>> = { message_post: messagePost };

/** Whether a model inherits `mail.thread` (it has a chatter). */
export function isMailThread(env: Env, model: string): boolean {
  return fieldOf(env, model, 'message_ids')?.relation === 'mail.message';
}
