/** What a poster card needs: any movie-shaped item of the API fits. */
export interface CardMovie {
	id: string;
	title: string;
	year?: number | null;
	poster_path?: string | null;
	/** The poster's blurhash, when the server's image cache has it (list items). */
	poster_blurhash?: string | null;
	user?: { watched: boolean; progress_percent?: number | null };
}
