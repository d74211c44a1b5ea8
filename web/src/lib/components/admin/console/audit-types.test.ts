import { describe, expect, it } from 'vitest';
import en from '$lib/i18n/messages/en.json';
import { AUDIT_TYPES, auditLabelKey } from './audit-types';

function lookup(messages: unknown, key: string): unknown {
	return key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], messages);
}

describe('audit event labels', () => {
	it('every event type the server has reads as words (English; the other languages mirror its keys)', () => {
		const missing = AUDIT_TYPES.filter((type) => typeof lookup(en, auditLabelKey(type)) !== 'string');
		expect(missing).toEqual([]);
	});

	it('the key is the code with its dots made underscores', () => {
		expect(auditLabelKey('mfa.webauthn_clone_suspected')).toBe('console.audit.types.mfa_webauthn_clone_suspected');
	});
});
