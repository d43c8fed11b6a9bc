/** The "Synchronize all servers" seam: an engine emits these events; the view and the scripted printer subscribe. */
export type SyncEvent =
	| {type: 'plan'; servers: {name: string; total: number}[]}
	| {type: 'server-started'; server: string}
	| {type: 'progress'; server: string; done: number}
	| {type: 'server-finished'; server: string; done: number}
	| {type: 'server-failed'; server: string; reason: string; advice: string};

export type SyncResult = {server: string; ok: boolean; done: number; total: number; reason?: string; advice?: string};

export type SyncOptions = {
	/** Only these servers (a retry of the failed ones); default: every managed server. */
	only?: readonly string[] | undefined;
	signal?: AbortSignal | undefined;
	onEvent?: ((event: SyncEvent) => void) | undefined;
	/** "Fully synchronize all servers": every propagated account is sent again, not only what the change log holds since the database's position. */
	full?: boolean | undefined;
};

export interface Synchronization {
	synchronizeAll(options?: SyncOptions): Promise<SyncResult[]>;
}

/**
 * A failed server's line in a list ("✗ …"): the server's name first and once: the reason alone where it opens with
 * the name (the lab's "FS3 did not answer: …"), else "FS3: reason".
 */
export function failedServerLine(server: string, reason: string): string {
	return reason.startsWith(server) && !/[\w-]/.test(reason.charAt(server.length)) ? reason : `${server}: ${reason}`;
}
