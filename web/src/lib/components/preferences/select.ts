/** The look of a native <select> (keyboard, screen readers and Playwright all know it). */
export const SELECT_CLASS =
	'h-9 w-full max-w-sm rounded-md border border-input bg-background px-2 text-sm outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50';
