import { describe, expect, it } from 'vitest';
import { clock, finished, LIVE_MS } from './live';

describe('the console’s live helpers', () => {
	it('polls at most every 2 seconds', () => expect(LIVE_MS).toBeLessThanOrEqual(2000));
	it('formats positions as a player does', () => {
		expect(clock(65)).toBe('1:05');
		expect(clock(3723.9)).toBe('1:02:03');
		expect(clock(-3)).toBe('0:00');
	});
	it('knows when a job is done', () => {
		expect(finished('succeeded') && finished('failed')).toBe(true);
		expect(finished('running') || finished('queued') || finished(undefined)).toBe(false);
	});
});
