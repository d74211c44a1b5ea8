import { describe, expect, it } from 'vitest';
import { crewByJob } from './crew';

describe('the crew grouped by job', () => {
	it('puts directors and writers first and the rest by job, each name once', () => {
		const groups = crewByJob([
			{ name: 'Bill Pope', job: 'Director of Photography' },
			{ name: 'Lana Wachowski', job: 'Writer' },
			{ name: 'Lana Wachowski', job: 'Director' },
			{ name: 'Lilly Wachowski', job: 'Director' },
			{ name: 'Zach Staenberg', job: 'Casting Editor' },
			{ name: 'Lana Wachowski', job: 'Director' },
			{ name: 'Nobody', job: null }
		]);
		expect(groups).toEqual([
			{ job: 'Director', names: ['Lana Wachowski', 'Lilly Wachowski'] },
			{ job: 'Writer', names: ['Lana Wachowski'] },
			{ job: 'Director of Photography', names: ['Bill Pope'] },
			{ job: 'Casting Editor', names: ['Zach Staenberg'] }
		]);
	});
});
