/** Whether a virtualised grid is flying past its cards (a flick, a dragged scrollbar, a
 * burst of jumps): then its fresh cards wait with their posters until it settles. A
 * card on screen for one frame does not need its poster, and each one asked for holds
 * one of the browser's six connections to the server for a while (an uncached poster is
 * fetched and resized first), so the next page of the list queued behind them and the
 * grid fell behind the scroll. */
import { getContext, setContext } from 'svelte';

/** The context key (exported for tests that render a card without its grid). */
export const SCROLL_SPEED = Symbol('scroll-speed');

/** How long after the last fast move the grid counts as settled. */
export const SETTLE_MS = 120;

export class ScrollSpeed {
	flying = $state(false);
	#timer: ReturnType<typeof setTimeout> | undefined;

	/** One frame's move: more than half a viewport at once is flying. */
	moved(by: number, viewportHeight: number): void {
		if (Math.abs(by) <= viewportHeight / 2) return;
		this.flying = true;
		clearTimeout(this.#timer);
		this.#timer = setTimeout(() => (this.flying = false), SETTLE_MS);
	}

	dispose(): void {
		clearTimeout(this.#timer);
		this.flying = false;
	}
}

export function provideScrollSpeed(): ScrollSpeed {
	return setContext(SCROLL_SPEED, new ScrollSpeed());
}

/** The enclosing grid's speed; undefined outside a virtualised grid. */
export function scrollSpeed(): ScrollSpeed | undefined {
	return getContext<ScrollSpeed | undefined>(SCROLL_SPEED);
}
