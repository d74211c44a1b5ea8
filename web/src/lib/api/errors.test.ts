import { describe, expect, it } from 'vitest';
import { describeError } from './describe';
import { ApiError, NetworkError, retryAfterSeconds, toProblem } from './errors';

const t = (key: string, options?: { values?: Record<string, string | number> }) =>
	`${key}${options?.values ? JSON.stringify(options.values) : ''}`;

describe('error mapping', () => {
	it('keeps the problem detail and the fields it names', () => {
		const error = new ApiError(
			toProblem(
				{ type: 'https://revenge.invalid/problems/validation', status: 400, detail: 'bad', errors: [{ field: 'email', message: 'not an e-mail' }] },
				400
			)
		);
		expect(error.message).toBe('bad');
		expect(error.fieldError('email')).toBe('not an e-mail');
		expect(error.code).toBe('validation');
	});

	it('recognises the server asking to re-authenticate', () => {
		const error = new ApiError(toProblem({ type: 'https://revenge.invalid/problems/reauthentication_required', status: 403 }, 403));
		expect(error.reauthenticationRequired).toBe(true);
	});

	it('says when to retry after too many attempts', () => {
		const retry = retryAfterSeconds(new Response(null, { status: 429, headers: { 'retry-after': '42' } }));
		expect(describeError(new ApiError({ status: 429, detail: 'slow down' }, retry), t)).toBe('errors.tooManyAttempts{"seconds":42}');
	});

	it('says the server could not be reached on a network failure', () => {
		expect(describeError(new NetworkError(), t)).toBe('errors.network');
	});

	it('survives a body that is not JSON', () => {
		expect(toProblem('<html>bad gateway</html>', 502)).toEqual({ status: 502, detail: '<html>bad gateway</html>' });
	});
});
