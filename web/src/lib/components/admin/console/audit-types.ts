/** The server's audit event types (its AuditType enum), for the audit log's filter. */
import type { Schemas } from '$lib/api/client';

export const AUDIT_TYPES: readonly Schemas['AuditType'][] = [
	'user.registered', 'user.created', 'user.updated', 'user.disabled', 'user.enabled', 'user.deleted',
	'user.roles_changed', 'login.succeeded', 'login.failed', 'login.throttled', 'logout', 'token.reused',
	'session.revoked', 'password.changed', 'password.reset_requested', 'password.reset', 'password.set_by_admin',
	'password.rehashed', 'role.created', 'role.updated', 'role.deleted', 'api_key.created', 'api_key.revoked',
	'settings.changed', 'login.mfa_required', 'mfa.failed', 'session.reauthenticated', 'mfa.enabled',
	'mfa.disabled', 'mfa.reset', 'mfa.totp_set_up', 'mfa.totp_enabled', 'mfa.totp_removed',
	'mfa.backup_codes_generated', 'mfa.backup_code_used', 'mfa.webauthn_registered', 'mfa.webauthn_renamed',
	'mfa.webauthn_removed', 'mfa.webauthn_clone_suspected'
];

/** The message key of an event type's label for people (`mfa.reset` →
 * `console.audit.types.mfa_reset`); the code itself stays in the row's title. */
export function auditLabelKey(type: string): string {
	return `console.audit.types.${type.replaceAll('.', '_')}`;
}
