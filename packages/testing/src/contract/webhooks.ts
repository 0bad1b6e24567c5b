import { describe, expect } from 'vitest';
import { check } from './check.js';
import { expectConnectorError, expectNoSecrets, thrown } from './errors.js';
import type { ContractSubject, ContractWebhook, ContractWebhooks } from './types.js';

/** The subject's webhooks capability, when it has one. */
export function webhooksOf(subject: ContractSubject): ContractWebhooks | undefined {
  const capability = (subject.connector as { readonly webhooks?: Partial<ContractWebhooks> }).webhooks;
  if (typeof capability?.verify !== 'function' || typeof capability.parse !== 'function') return undefined;
  return capability as ContractWebhooks;
}

/** A secret of the same form that is not `secret`: `whsec_` secrets stay base64. */
function otherSecret(secret: string): string {
  if (secret.startsWith('whsec_')) return `whsec_${Buffer.from('contract-wrong-secret!').toString('base64')}`;
  return `${secret}-wrong`;
}

/** The last character of the body changed (a JSON body ends in `}`, so a space goes before it). */
function tamper(webhook: ContractWebhook): ContractWebhook {
  const body = webhook.rawBody;
  return { headers: webhook.headers, rawBody: `${body.slice(0, -1)} ${body.slice(-1)}` };
}

/**
 * Registers the webhook verification matrix: the fake's signed delivery is accepted; a tampered
 * body, a wrong secret, each missing required header and (where the scheme has one) a stale
 * timestamp are rejected; a malformed body is a ConnectorError naming the field.
 *
 * @example
 * webhookChecks(subject);
 */
export function webhookChecks(subject: ContractSubject): void {
  const webhooks = webhooksOf(subject);
  const fake = subject.fake.webhooks;
  if (webhooks === undefined || fake === undefined) return;
  const at = () => (fake.timestamp === undefined ? {} : { now: fake.timestamp.now() });
  describe('webhooks', () => {
    check(subject, 'webhooks.valid', 'accepts a validly signed delivery', () => {
      expect(webhooks.verify(fake.signedWebhook(), at())).toBe(true);
    });

    check(subject, 'webhooks.tampered', 'rejects a tampered body', () => {
      expect(webhooks.verify(tamper(fake.signedWebhook()), at())).toBe(false);
    });

    check(subject, 'webhooks.wrongSecret', 'rejects a delivery signed with another secret', () => {
      const wrong = fake.wrongSecret ?? otherSecret(fake.secret);
      expect(wrong).not.toBe(fake.secret);
      expect(webhooks.verify(fake.signedWebhook(wrong), at())).toBe(false);
    });

    for (const name of fake.requiredHeaders) {
      check(subject, 'webhooks.missingHeader', `rejects a delivery without ${name}`, () => {
        const signed = fake.signedWebhook();
        const headers = new Headers(signed.headers);
        expect(headers.has(name)).toBe(true);
        headers.delete(name);
        expect(webhooks.verify({ headers, rawBody: signed.rawBody }, at())).toBe(false);
      });
    }

    const timestamp = fake.timestamp;
    if (timestamp !== undefined) {
      check(subject, 'webhooks.stale', 'rejects a stale timestamp', () => {
        const signed = fake.signedWebhook();
        const late = new Date(timestamp.now().getTime() + timestamp.toleranceMs + 60_000);
        const early = new Date(timestamp.now().getTime() - timestamp.toleranceMs - 60_000);
        expect(webhooks.verify(signed, { now: late })).toBe(false);
        expect(webhooks.verify(signed, { now: early })).toBe(false);
      });
    }

    const malformed = fake.malformedWebhook;
    if (malformed !== undefined) {
      check(
        subject,
        'webhooks.malformed',
        'parses a malformed delivery into a ConnectorError naming the field',
        async () => {
          const { webhook, field } = await malformed();
          const error = await thrown(() =>
            webhooks.parse(webhook, { correlationId: `contract-${subject.name}` }),
          );
          expectConnectorError(error, { system: subject.connector.system });
          expect(error.message).toContain(field);
          expectNoSecrets(error, [...(subject.secrets ?? []), fake.secret]);
        },
      );
    }
  });
}
