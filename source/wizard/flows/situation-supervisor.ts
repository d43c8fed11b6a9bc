/**
 * "I have no Supervisor login on some of them", on the reconstruct's consequences screen (ARCHITECTURE.md,
 * "The wizard"): why a login is needed, and what can be done now, as choices: go on with only the servers
 * there is a login for, or leave with nothing changed. Its answers are flows/reconstruct-questions.ts's.
 */
import {cite} from '../../procedure/claims.js';
import {SUPERVISOR_ADVICE, SUPERVISOR_NEEDED} from '../../procedure/supervisor-login.js';
import type {Screen} from '../state.js';

/** The question's step: its answers are `afterNoSupervisor`'s (flows/situation.ts hands them over). */
export const NO_SUPERVISOR = 'no-supervisor';

/** "I have no Supervisor login on some of them": why one is needed, and what can be done now, as choices. */
export function noSupervisorQuestion(): Extract<Screen, {name: 'situation'}> {
	return {
		name: 'situation',
		step: NO_SUPERVISOR,
		title: 'No Supervisor login on some servers: nothing has been changed',
		lines: [SUPERVISOR_NEEDED, `To reconstruct the others too: ${SUPERVISOR_ADVICE}.`],
		items: [
			{label: 'Go on with only the servers I have a Supervisor login for (chosen next)', value: 'some'},
			{label: 'Leave now, nothing changed: start again once I have the logins', value: 'leave'},
		],
		initial: 0,
		help: {
			why: 'The servers left out keep their red X and are not touched; a later run reconstructs them once there is a login for each.',
			kb: `Synchronization Manager's Add Server to Manage asks for a Supervisor or equivalent login before it adds a server (${cite('add-server-dialog')}).`,
		},
	};
}
