/** The arithmetic of the virtualised poster grid: how many columns fit, how tall a row
 * is, and which cards are near the viewport (only those are in the DOM). Pure, so it is
 * tested without a browser. */
export interface GridLayout {
	columns: number;
	/** Card width in px (the poster is 2:3 under it). */
	cardWidth: number;
	/** Row pitch in px: card + caption + gap. */
	rowHeight: number;
}

export const CARD_MIN_WIDTH = 150;
export const GAP = 16;
/** Title and year under the poster. */
export const CAPTION_HEIGHT = 52;

export function gridLayout(width: number, minCard = CARD_MIN_WIDTH, gap = GAP): GridLayout {
	const columns = Math.max(1, Math.floor((width + gap) / (minCard + gap)));
	const cardWidth = Math.max(1, (width - gap * (columns - 1)) / columns);
	return { columns, cardWidth, rowHeight: Math.round(cardWidth * 1.5 + CAPTION_HEIGHT + gap) };
}

export interface GridWindow {
	/** First card index rendered (inclusive) and last (exclusive). */
	start: number;
	end: number;
	/** Offset of the first rendered row from the grid's top, in px. */
	offsetTop: number;
	/** Height of the whole grid, in px (so the scrollbar is right from the start). */
	totalHeight: number;
}

export interface ViewportPosition {
	/** How far the viewport's top is below the grid's top (negative: grid still below). */
	scrolledPast: number;
	viewportHeight: number;
}

/** The cards to render: the rows the viewport shows plus `overscanRows` each side. */
export function gridWindow(total: number, layout: GridLayout, at: ViewportPosition, overscanRows = 2): GridWindow {
	const rows = Math.ceil(total / layout.columns);
	const totalHeight = Math.max(0, rows * layout.rowHeight - GAP);
	if (total === 0) return { start: 0, end: 0, offsetTop: 0, totalHeight: 0 };
	const firstVisible = Math.floor(Math.max(0, at.scrolledPast) / layout.rowHeight);
	const lastVisible = Math.floor(Math.max(0, at.scrolledPast + at.viewportHeight) / layout.rowHeight);
	const firstRow = Math.min(rows - 1, Math.max(0, firstVisible - overscanRows));
	const lastRow = Math.min(rows - 1, lastVisible + overscanRows);
	return {
		start: firstRow * layout.columns,
		end: Math.min(total, (lastRow + 1) * layout.columns),
		offsetTop: firstRow * layout.rowHeight,
		totalHeight
	};
}

/** Whether the next page should be fetched: the window reaches near the loaded end. */
export function needsMore(window: GridWindow, loaded: number, layout: GridLayout, aheadRows = 4): boolean {
	return window.end + aheadRows * layout.columns >= loaded;
}
