/** The roles query the users and roles pages share. */
import { api, unwrap } from '$lib/api/client';

export const rolesQuery = () => ({
	queryKey: ['admin', 'roles'],
	queryFn: () => unwrap(api.GET('/api/v1/admin/roles'))
});
