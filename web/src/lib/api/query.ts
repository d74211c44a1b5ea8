/** TanStack Query set-up: API errors are not retried (the server already decided),
 * network errors are, a little; the UI offers a manual retry after that. */
import { QueryClient } from '@tanstack/svelte-query';
import { ApiError } from './errors';

export function createQueryClient(): QueryClient {
	return new QueryClient({
		defaultOptions: {
			queries: {
				staleTime: 30_000,
				refetchOnWindowFocus: false,
				retry: (failures, error) => !(error instanceof ApiError) && failures < 2
			},
			mutations: { retry: false }
		}
	});
}
