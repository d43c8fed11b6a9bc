import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {createLab} from '../../source/lab/create.js';
import {LAB_DEFAULTS} from '../../source/lab/options.js';
import {labTarget} from '../../source/targets/lab/lab-target.js';
import type {CommandEvent} from '../../source/targets/run-command.js';
import {waitForState} from '../../source/targets/wait-for-state.js';
import {tempDir} from '../helpers/run-cli.js';

describe('the lab as a target', () => {
	it('drives the service through its in-process net and sc and the same parsers as a Windows server', async () => {
		const dir = join(await tempDir(), 'lab');
		await createLab(dir, {...LAB_DEFAULTS, pace: 0});
		const target = labTarget(dir);
		const events: CommandEvent[] = [];
		const onCommand = (e: CommandEvent) => events.push(e);

		expect(await target.service.query({onCommand})).toEqual({ok: true, state: 'RUNNING'});
		expect(await target.service.stop({onCommand})).toEqual({ok: true});
		expect(await waitForState(target.service, 'STOPPED', {timeoutMs: 5000, intervalMs: 20})).toMatchObject({ok: true, state: 'STOPPED'});
		expect(await target.service.stop()).toMatchObject({ok: false, error: {code: 3521}});
		expect(await target.service.start()).toEqual({ok: true});
		expect(events.filter(e => e.phase === 'start').map(e => e.command)).toEqual(['sc query MSSYNC', 'net stop MSSYNC']);

		const servers = await target.servers.list();
		expect(servers).toHaveLength(5);
		expect(servers.some(s => !s.synchronized)).toBe(true);
	});

	it('times out plainly when the service never reaches the wanted state', async () => {
		const dir = join(await tempDir(), 'lab');
		await createLab(dir, {...LAB_DEFAULTS, pace: 0});
		const target = labTarget(dir);
		let clock = 0;
		const result = await waitForState(target.service, 'STOPPED', {timeoutMs: 1000, intervalMs: 400, now: () => clock, delay: async ms => void (clock += ms)});
		expect(result).toMatchObject({ok: false, reason: 'timeout', state: 'RUNNING'});
	});
});
