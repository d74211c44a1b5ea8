import { resolve } from '$app/paths';
import { redirect } from '@sveltejs/kit';
import { session } from '$lib/auth/session.svelte';
import type { PageLoad } from './$types';

// Only while the server has no account at all.
export const load: PageLoad = async ({ parent }) => {
	await parent();
	if (!session.info?.setup_required) redirect(307, resolve('/'));
	return {};
};
