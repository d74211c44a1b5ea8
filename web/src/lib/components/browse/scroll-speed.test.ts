import { render } from '@testing-library/svelte';
import { flushSync } from 'svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import PosterImage from './PosterImage.svelte';
import { SCROLL_SPEED, ScrollSpeed, SETTLE_MS } from './scroll-speed.svelte';

describe('ScrollSpeed', () => {
	beforeEach(() => vi.useFakeTimers());
	afterEach(() => vi.useRealTimers());

	it('flies on a move of more than half a viewport in one frame, and settles SETTLE_MS after the last one', () => {
		const speed = new ScrollSpeed();
		speed.moved(120, 800); // a wheel notch
		expect(speed.flying).toBe(false);
		speed.moved(800, 800);
		expect(speed.flying).toBe(true);
		vi.advanceTimersByTime(SETTLE_MS - 10);
		speed.moved(-800, 800); // still going (either way): the wait starts again
		vi.advanceTimersByTime(SETTLE_MS - 10);
		expect(speed.flying).toBe(true);
		vi.advanceTimersByTime(10);
		expect(speed.flying).toBe(false);
	});

	it('forgets its timer when the grid goes', () => {
		const speed = new ScrollSpeed();
		speed.moved(2000, 800);
		speed.dispose();
		expect(speed.flying).toBe(false);
		expect(vi.getTimerCount()).toBe(0);
	});
});

describe('PosterImage in a grid', () => {
	const context = (speed: ScrollSpeed) => new Map([[SCROLL_SPEED, speed]]);

	it('asks for its poster at once when the grid is still', () => {
		const { container } = render(PosterImage, { props: { path: '/a.jpg' }, context: context(new ScrollSpeed()) });
		expect(container.querySelector('img')?.getAttribute('src')).toBe('/api/v1/images/poster/w342/a.jpg');
	});

	it('waits while the grid flies past, then keeps its poster when the grid flies again', () => {
		vi.useFakeTimers();
		vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null); // jsdom has no canvas
		const speed = new ScrollSpeed();
		speed.moved(5000, 800);
		const { container } = render(PosterImage, { props: { path: '/a.jpg', blurhash: 'LEHV6nWB2yk8pyo0adR*.7kCMdnj' }, context: context(speed) });
		expect(container.querySelector('img')).toBeNull();
		expect(container.querySelector('canvas')).toBeNull();
		vi.advanceTimersByTime(SETTLE_MS);
		flushSync();
		expect(container.querySelector('img')).not.toBeNull();
		expect(container.querySelector('canvas')).not.toBeNull();
		speed.moved(5000, 800);
		flushSync();
		expect(container.querySelector('img')).not.toBeNull();
		vi.useRealTimers();
		vi.restoreAllMocks();
	});

	it('shows the film icon, not an empty box, when there is no poster at all', () => {
		const speed = new ScrollSpeed();
		speed.moved(5000, 800);
		const { container } = render(PosterImage, { props: { path: null }, context: context(speed) });
		expect(container.querySelector('svg')).not.toBeNull();
		speed.dispose();
	});
});
