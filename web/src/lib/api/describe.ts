/** One sentence for the person about a failed request, in their language. */
import { ApiError, NetworkError } from './errors';

type Translate = (key: string, options?: { values?: Record<string, string | number> }) => string;

export function describeError(error: unknown, t: Translate): string {
	if (error instanceof NetworkError) return t('errors.network');
	if (error instanceof ApiError) {
		if (error.status === 429 && error.retryAfter !== null) {
			const seconds = error.retryAfter;
			return seconds >= 90
				? t('errors.tooManyAttemptsMinutes', { values: { minutes: Math.ceil(seconds / 60) } })
				: t('errors.tooManyAttempts', { values: { seconds } });
		}
		return error.problem.detail || error.problem.title || t('errors.status', { values: { status: error.status } });
	}
	return t('errors.unexpected');
}
