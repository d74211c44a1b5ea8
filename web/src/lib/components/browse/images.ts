import { base } from '$app/paths';
/** Image URLs: always the server's image endpoint (never TMDb itself, so no third party
 * sees what people browse), with a `srcset` over the sizes the server makes. */
export type ImageKind = 'poster' | 'backdrop' | 'logo' | 'profile';

/** The variant widths the server keeps (revenge/domain/metadata/images.py). */
export const IMAGE_WIDTHS = { w185: 185, w342: 342, w780: 780 } as const;
export type ImageSize = keyof typeof IMAGE_WIDTHS | 'original';

export function imageUrl(kind: ImageKind, path: string, size: ImageSize = 'w342'): string {
	const file = path.startsWith('/') ? path : `/${path}`;
	return `${base}/api/v1/images/${kind}/${size}${file}`;
}

export function imageSrcset(kind: ImageKind, path: string): string {
	return Object.entries(IMAGE_WIDTHS)
		.map(([size, width]) => `${imageUrl(kind, path, size as ImageSize)} ${width}w`)
		.join(', ');
}
