/** Usernames by id for the console's tables (the audit trail and sessions carry ids):
 * read once from the admin user list when the person may list users. */
import { createQuery } from '@tanstack/svelte-query';
import { api, unwrap } from '$lib/api/client';
import { session } from '$lib/auth/session.svelte';

export function userNames(): { get: (id: string | null | undefined) => string | null; all: () => { id: string; username: string }[] } {
	const users = createQuery(() => ({
		queryKey: ['admin', 'users', 'names'],
		queryFn: () => unwrap(api.GET('/api/v1/admin/users', { params: { query: { limit: 200 } } })),
		enabled: session.can('users.manage'),
		// Accounts come and go while the console is open: read again now and then.
		refetchInterval: 10_000,
		// Names are read only when rows show up, maybe after the answer came: always notify.
		notifyOnChangeProps: 'all'
	}));
	const byId = $derived(new Map((users.data?.items ?? []).map((u) => [u.id, u.username])));
	return {
		get: (id) => (id ? (byId.get(id) ?? null) : null),
		all: () => (users.data?.items ?? []).map((u) => ({ id: u.id, username: u.username }))
	};
}
