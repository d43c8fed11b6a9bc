import {describe, expect, it} from 'vitest';
import {ConsequencesScreen} from '../../../source/ui/screens/ConsequencesScreen.js';
import type {Screen} from '../../../source/wizard/state.js';
import {KEYS, mountScreen} from '../../helpers/screen-harness.js';
import {waitFor} from '../../helpers/wait-for.js';

const screen: Extract<Screen, {name: 'consequences'}> = {name: 'consequences', servers: ['FS2', 'FS3'], users: 120, warnings: ['FS4 does not answer.']};

describe('the consequences of reconstructing', () => {
	it('says what is deleted, that every user gets a new password, and the warnings; Enter goes on', async () => {
		const {ui, frame, wizard} = mountScreen(screen, (now, choice) => <ConsequencesScreen screen={now} choice={choice} />);
		expect(frame()).toContain('Without a backup, the NetWare account information is reconstructed (KB Q148678)');
		expect(frame()).toContain('(those with a red X: FS2, FS3)');
		expect(frame()).toContain('Every propagated user — 120 of them — gets a new password');
		expect(frame()).toContain('⚠ FS4 does not answer.');
		expect(frame()).toMatch(/❯ I understand: choose the servers/);
		ui.stdin.write(KEYS.enter);
		await waitFor(() => expect(wizard.calls).toEqual([['acceptConsequences', 'go']]));
		ui.unmount();
	});

	it('says why a Supervisor login is needed on each server, and offers the answer "I have none on some"', async () => {
		const {ui, frame, wizard} = mountScreen(screen, (now, choice) => <ConsequencesScreen screen={now} choice={choice} />);
		expect(frame().replace(/\s+/g, ' ')).toContain(
			'You need a NetWare Supervisor (or equivalent) login on each server: to delete WINNT_SYNC_AGENT and to add the server back.',
		);
		expect(frame()).toContain('I have no Supervisor login on some of them');
		ui.stdin.write(KEYS.down);
		await waitFor(() => expect(frame()).toMatch(/❯ I have no Supervisor login on some of them/));
		ui.stdin.write(KEYS.enter);
		await waitFor(() => expect(wizard.calls).toEqual([['acceptConsequences', 'no-supervisor']]));
		ui.unmount();
	});

	it('without a count of users or red servers, says so plainly', () => {
		const {ui, frame} = mountScreen({name: 'consequences', servers: []}, (now, choice) => <ConsequencesScreen screen={now} choice={choice} />);
		expect(frame()).toContain('For each server you choose,');
		expect(frame()).toContain('Every propagated user gets a new password');
		ui.unmount();
	});
});
