/** Cursor paging for the console's tables: the API pages forward with an opaque cursor,
 * so "previous" walks back a stack of the cursors that led here. */
export class CursorPages {
	#stack = $state<(string | null)[]>([null]);

	get cursor(): string | null {
		return this.#stack[this.#stack.length - 1] ?? null;
	}

	get number(): number {
		return this.#stack.length;
	}

	next(cursor: string): void {
		this.#stack = [...this.#stack, cursor];
	}

	previous(): void {
		if (this.#stack.length > 1) this.#stack = this.#stack.slice(0, -1);
	}

	/** Back to the first page (a filter changed). */
	reset(): void {
		this.#stack = [null];
	}
}
