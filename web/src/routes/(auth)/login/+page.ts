import { withBase } from '$lib/paths';
import { resolve } from '$app/paths';
import { redirect } from '@sveltejs/kit';
import { safeNext, session } from '$lib/auth/session.svelte';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ parent, url }) => {
	await parent();
	if (session.info?.setup_required) redirect(307, resolve('/setup'));
	if (session.signedIn) redirect(307, withBase(safeNext(url.searchParams.get('next'))));
	return {};
};
