import { config, type TConfig } from '../config.ts';

export interface ClientAddressSource {
	request: Request;
	/** The address of the connection (SvelteKit's `getClientAddress`). */
	getClientAddress: () => string;
}

/**
 * The address a request comes from, for per-client limits. Behind a proxy (`CLIENT_ADDRESS_HEADER`) it is
 * read from the header the proxy sets; in `X-Forwarded-For` each proxy appends the address it received
 * from, so the entry `TRUSTED_PROXY_DEPTH` from the end is the client's, and anything a client wrote in
 * front of it is ignored. A request that did not come through the proxy has the connection's address.
 */
export function clientAddress(
	source: ClientAddressSource,
	settings: Pick<TConfig, 'CLIENT_ADDRESS_HEADER' | 'TRUSTED_PROXY_DEPTH'> = config()
): string {
	const header = settings.CLIENT_ADDRESS_HEADER?.toLowerCase();
	const value = header ? source.request.headers.get(header) : null;
	if (!header || !value) return source.getClientAddress();
	if (header !== 'x-forwarded-for') return value.trim().slice(0, 100);
	const entries = value
		.split(',')
		.map((s) => s.trim())
		.filter(Boolean);
	const client = entries[entries.length - settings.TRUSTED_PROXY_DEPTH];
	return client ? client.slice(0, 100) : source.getClientAddress();
}
