import { redirect } from '@sveltejs/kit';
import { safeNext, session } from '$lib/auth/session.svelte';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ parent, url }) => {
	await parent();
	if (session.info?.setup_required) redirect(307, '/setup');
	if (session.signedIn) redirect(307, safeNext(url.searchParams.get('next')));
	return {};
};
