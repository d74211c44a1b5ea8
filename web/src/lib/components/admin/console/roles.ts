/** The roles query the users and roles pages share. Every change notifies (no tracked
 * properties): a page that reads it only after another query is ready must not miss it. */
import { api, unwrap } from '$lib/api/client';

export const rolesQuery = () => ({
	queryKey: ['admin', 'roles'],
	queryFn: () => unwrap(api.GET('/api/v1/admin/roles')),
	notifyOnChangeProps: 'all' as const
});
