/** Polls until `check` stops throwing (or returns true), or fails with the last reason after `timeoutMs`. */
export async function waitFor(check: () => unknown, timeoutMs = 10_000, intervalMs = 20): Promise<void> {
	const started = Date.now();
	let last: unknown;
	for (;;) {
		try {
			const result = await check();
			if (result !== false) return;
			last = new Error('the condition was false');
		} catch (error) {
			last = error;
		}
		if (Date.now() - started > timeoutMs) throw last instanceof Error ? last : new Error(String(last));
		await new Promise(resolve => setTimeout(resolve, intervalMs));
	}
}
