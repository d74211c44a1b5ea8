/** Calls `callback` whenever the element comes within `margin` of the viewport: the
 * sentinel at the end of an infinite list. */
export function nearViewport(node: HTMLElement, callback: () => void, margin = '600px') {
	let current = callback;
	const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && current(), { rootMargin: margin });
	observer.observe(node);
	return {
		update(next: () => void) {
			current = next;
		},
		destroy() {
			observer.disconnect();
		}
	};
}
