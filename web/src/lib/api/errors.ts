/** What went wrong with a request, in the shape the UI shows: the server's
 * problem+json (`detail`, and the fields it names), or a network failure. */

export interface ProblemField {
	field: string;
	message: string;
}

export interface Problem {
	type?: string;
	title?: string;
	status: number;
	detail?: string;
	errors?: ProblemField[];
	[key: string]: unknown;
}

export class ApiError extends Error {
	readonly status: number;
	readonly problem: Problem;
	/** Seconds to wait before trying again (429, from Retry-After), if the server said. */
	readonly retryAfter: number | null;

	constructor(problem: Problem, retryAfter: number | null = null) {
		super(problem.detail ?? problem.title ?? `HTTP ${problem.status}`);
		this.name = 'ApiError';
		this.status = problem.status;
		this.problem = problem;
		this.retryAfter = retryAfter;
	}

	/** The server's message for one field (validation errors name the field). */
	fieldError(field: string): string | undefined {
		return this.problem.errors?.find((e) => e.field === field || e.field.endsWith(`.${field}`))?.message;
	}

	get fieldErrors(): Record<string, string> {
		const out: Record<string, string> = {};
		for (const e of this.problem.errors ?? []) {
			const name = e.field.split('.').at(-1) ?? e.field;
			out[name] ??= e.message;
		}
		return out;
	}

	/** The problem's code: the last part of its `type` (`invalid_credentials`, ...). */
	get code(): string {
		return (this.problem.type ?? '').split('/').at(-1) ?? '';
	}

	/** The server asks for the password (or a second factor) again before this action. */
	get reauthenticationRequired(): boolean {
		return this.code === 'reauthentication_required';
	}
}

/** The server could not be reached at all (offline, server down, connection reset). */
export class NetworkError extends Error {
	constructor(cause?: unknown) {
		super('network error', { cause });
		this.name = 'NetworkError';
	}
}

/** The problem+json body (already parsed, or text when it was not JSON) as a Problem. */
export function toProblem(body: unknown, status: number): Problem {
	if (typeof body === 'object' && body !== null) {
		const problem = body as Partial<Problem> & { extra?: unknown };
		const errors = normaliseErrors(problem.errors ?? problem.extra);
		return { ...problem, status: problem.status ?? status, ...(errors ? { errors } : {}) } as Problem;
	}
	const text = typeof body === 'string' ? body.slice(0, 200) : '';
	return { status, ...(text ? { detail: text } : {}) };
}

function normaliseErrors(raw: unknown): ProblemField[] | undefined {
	if (!Array.isArray(raw)) return undefined;
	return raw
		.filter((e): e is Record<string, unknown> => typeof e === 'object' && e !== null)
		.map((e) => ({ field: String(e.field ?? e.key ?? e.name ?? ''), message: String(e.message ?? e.detail ?? '') }));
}

export function retryAfterSeconds(response: Response): number | null {
	const value = response.headers.get('retry-after');
	if (!value) return null;
	const seconds = Number(value);
	if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
	const date = Date.parse(value);
	return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}
