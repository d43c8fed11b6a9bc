/** How long MSSYNC may take to stop or start, and so how long one service command may run: 90 s, or DSMN_RESYNC_SERVICE_TIMEOUT seconds for a slow server. */
export function serviceTimeoutMs(env: NodeJS.ProcessEnv = process.env): number {
	const seconds = Number(env['DSMN_RESYNC_SERVICE_TIMEOUT']);
	return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 90_000;
}
