import type { HandleClientError } from '@sveltejs/kit';
import { NetworkError } from '$lib/api/errors';

// What the error page may say about an unexpected failure: the server unreachable (and
// worth a retry), or something else (details stay in the console).
export const handleError: HandleClientError = ({ error }) => {
	console.error(error);
	return { message: error instanceof NetworkError ? 'network' : 'unexpected' };
};
