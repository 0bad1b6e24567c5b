function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Removes every secret from `text`: each given credential (password, API key, session id) wherever it
 * stands as a token of its own, and any `session_id=…` cookie or `bearer …` token. A secret glued to
 * letters or digits is left alone, so that a password `admin` does not turn "administrator" into noise.
 *
 * @example
 * redact('bad key "1234abcd"', ['1234abcd']) // 'bad key "***"'
 * redact('Contact your administrator', ['admin']) // unchanged
 */
export function redact(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const secret of secrets) {
    if (secret === '') continue;
    out = out.replace(new RegExp(`(?<![A-Za-z0-9_])${escapeRegExp(secret)}(?![A-Za-z0-9_])`, 'g'), '***');
  }
  return out
    .replace(/session_id=[^;\s,"']+/gi, 'session_id=***')
    .replace(/\b([Bb]earer)\s+[A-Za-z0-9._~+/=<>-]{16,}/g, '$1 ***');
}

/** `redact` for an optional value. */
export function redactOptional(
  text: string | undefined,
  secrets: readonly string[] | undefined,
): string | undefined {
  return text === undefined ? undefined : redact(text, secrets);
}
