/** A Windows service's state as sc.exe numbers it (SERVICE_STATUS.dwCurrentState). */
export const SERVICE_STATE_CODES = {
	STOPPED: 1,
	START_PENDING: 2,
	STOP_PENDING: 3,
	RUNNING: 4,
	CONTINUE_PENDING: 5,
	PAUSE_PENDING: 6,
	PAUSED: 7,
} as const;

export type ServiceState = keyof typeof SERVICE_STATE_CODES;

export function stateFromCode(code: number): ServiceState | undefined {
	return (Object.keys(SERVICE_STATE_CODES) as ServiceState[]).find(state => SERVICE_STATE_CODES[state] === code);
}
