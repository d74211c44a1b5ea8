import { resolve } from '$app/paths';
import { redirect } from '@sveltejs/kit';
import { session } from '$lib/auth/session.svelte';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ parent }) => {
	await parent();
	if (session.info?.setup_required) redirect(307, resolve('/setup'));
	if (session.signedIn) redirect(307, resolve('/'));
	return {};
};
