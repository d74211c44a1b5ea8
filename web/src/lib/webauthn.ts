/** WebAuthn in the browser: the server's options (JSON, base64url) become the binary
 * form navigator.credentials wants, and the credential goes back as JSON. */

type Json = Record<string, unknown>;

export function webauthnSupported(): boolean {
	return typeof window !== 'undefined' && 'PublicKeyCredential' in window && !!navigator.credentials;
}

export function fromBase64Url(value: string): ArrayBuffer {
	const base64 = value.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(value.length / 4) * 4, '=');
	const binary = atob(base64);
	const bytes = new Uint8Array(binary.length);
	for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
	return bytes.buffer;
}

export function toBase64Url(buffer: ArrayBuffer | ArrayBufferView): string {
	const bytes = buffer instanceof ArrayBuffer ? new Uint8Array(buffer) : new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
	let binary = '';
	for (const byte of bytes) binary += String.fromCharCode(byte);
	return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function unwrapOptions(options: Json): Json {
	return (options.publicKey as Json | undefined) ?? options;
}

function withIds(list: unknown): PublicKeyCredentialDescriptor[] | undefined {
	if (!Array.isArray(list)) return undefined;
	return list.map((c: Json) => ({ ...c, id: fromBase64Url(c.id as string) }) as PublicKeyCredentialDescriptor);
}

export function creationOptions(serverOptions: Json): PublicKeyCredentialCreationOptions {
	const o = unwrapOptions(serverOptions);
	const user = o.user as Json;
	return {
		...(o as object),
		challenge: fromBase64Url(o.challenge as string),
		user: { ...(user as object), id: fromBase64Url(user.id as string) },
		excludeCredentials: withIds(o.excludeCredentials)
	} as PublicKeyCredentialCreationOptions;
}

export function requestOptions(serverOptions: Json): PublicKeyCredentialRequestOptions {
	const o = unwrapOptions(serverOptions);
	return {
		...(o as object),
		challenge: fromBase64Url(o.challenge as string),
		allowCredentials: withIds(o.allowCredentials)
	} as PublicKeyCredentialRequestOptions;
}

/** The credential as the JSON the server (py_webauthn) parses. */
export function credentialJson(credential: PublicKeyCredential): Json {
	const response = credential.response as AuthenticatorAttestationResponse & AuthenticatorAssertionResponse;
	const body: Json = { clientDataJSON: toBase64Url(response.clientDataJSON) };
	if ('attestationObject' in response && response.attestationObject) {
		body.attestationObject = toBase64Url(response.attestationObject);
		body.transports = response.getTransports?.() ?? [];
	}
	if ('authenticatorData' in response && response.authenticatorData) {
		body.authenticatorData = toBase64Url(response.authenticatorData);
		body.signature = toBase64Url(response.signature);
		if (response.userHandle) body.userHandle = toBase64Url(response.userHandle);
	}
	return {
		id: credential.id,
		rawId: toBase64Url(credential.rawId),
		type: credential.type,
		response: body,
		clientExtensionResults: credential.getClientExtensionResults(),
		authenticatorAttachment: credential.authenticatorAttachment ?? undefined
	};
}

export async function createCredential(serverOptions: Json): Promise<Json> {
	const credential = await navigator.credentials.create({ publicKey: creationOptions(serverOptions) });
	if (!credential) throw new DOMException('no credential', 'NotAllowedError');
	return credentialJson(credential as PublicKeyCredential);
}

export async function getCredential(serverOptions: Json): Promise<Json> {
	const credential = await navigator.credentials.get({ publicKey: requestOptions(serverOptions) });
	if (!credential) throw new DOMException('no credential', 'NotAllowedError');
	return credentialJson(credential as PublicKeyCredential);
}

/** The person closed the browser's prompt or it timed out: not an error to shout about. */
export function cancelled(error: unknown): boolean {
	return error instanceof DOMException && (error.name === 'NotAllowedError' || error.name === 'AbortError');
}
