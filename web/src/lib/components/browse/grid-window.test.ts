import { describe, expect, it } from 'vitest';
import { gridLayout, gridWindow, needsMore } from './grid-window';

describe('the virtualised grid', () => {
	const layout = gridLayout(1100); // 6 columns of ~170px

	it('fits as many columns as the width allows, at least one', () => {
		expect(layout.columns).toBe(6);
		expect(gridLayout(100).columns).toBe(1);
		expect(layout.rowHeight).toBeGreaterThan(layout.cardWidth * 1.5);
	});

	it('renders only the rows around the viewport, however long the list', () => {
		const at = { scrolledPast: 5000 * layout.rowHeight / layout.columns, viewportHeight: 800 };
		const window = gridWindow(50_000, layout, at);
		expect(window.end - window.start).toBeLessThanOrEqual(layout.columns * 9);
		expect(window.start).toBeLessThanOrEqual(5000);
		expect(window.end).toBeGreaterThan(5000);
		expect(window.offsetTop).toBe((window.start / layout.columns) * layout.rowHeight);
		expect(window.totalHeight).toBe(Math.ceil(50_000 / 6) * layout.rowHeight - 16);
	});

	it('starts at the first card while the grid is still below the viewport', () => {
		const window = gridWindow(100, layout, { scrolledPast: -300, viewportHeight: 800 });
		expect(window.start).toBe(0);
		expect(window.offsetTop).toBe(0);
	});

	it('never renders past the last card', () => {
		const window = gridWindow(20, layout, { scrolledPast: 99_999, viewportHeight: 800 });
		expect(window.end).toBe(20);
		expect(window.start % layout.columns).toBe(0);
		expect(gridWindow(0, layout, { scrolledPast: 0, viewportHeight: 800 })).toEqual({ start: 0, end: 0, offsetTop: 0, totalHeight: 0 });
	});

	it('asks for the next page before the loaded cards run out', () => {
		const window = gridWindow(50_000, layout, { scrolledPast: 0, viewportHeight: 800 });
		expect(needsMore(window, 100, layout)).toBe(false);
		expect(needsMore(window, window.end + layout.columns, layout)).toBe(true);
	});
});
