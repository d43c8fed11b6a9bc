/**
 * The wizard on real targets, its logic without Ink: the remote server's details and account asked
 * (the password never in the drawn state), the preflight on the first look, and the reconstruct flow
 * as manual steps. Service control runs the stand-in net/sc programs through execa.
 */
import {readdir, readFile, stat} from 'node:fs/promises';
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {tempDir} from '../helpers/run-cli.js';
import type {WizardOptions} from '../../source/app/options.js';
import {parseCommandLine} from '../../source/cli/parse-args.js';
import {readJournal} from '../../source/journal/journal.js';
import {WizardController} from '../../source/wizard/controller.js';
import {sambaReason, startSambaServer, ADMIN_PASSWORD, type SambaServer} from '../helpers/samba-server.js';
import {standinServer} from '../helpers/standin-server.js';

function options(argv: string[]): WizardOptions {
	const command = parseCommandLine(argv);
	if (command.kind !== 'wizard') throw new Error('not the wizard');
	return command.options;
}

const screen = (c: WizardController) => c.getState().screen;
const type = (c: WizardController, text: string) => {
	for (const ch of text) void c.dispatch({type: 'type-text', text: ch});
};

const savedEnv = {...process.env};
afterEach(() => {
	process.env = {...savedEnv};
});

async function onServer(behaviour = 'normal') {
	const server = await standinServer(behaviour);
	Object.assign(process.env, server.env);
	return server;
}

describe('the wizard on a remote NT server, from Linux (Samba)', () => {
	it('asks the host and the account, never where a share is mounted (here given as --syncagnt); the password is never drawn and its file goes at the end', async () => {
		await onServer();
		const password = 'S3cret-Passw0rd';
		const controller = new WizardController(options(['--syncagnt', '/nonexistent/mounted/SYNCAGNT']), {platform: 'linux'});
		await controller.start();
		await controller.answers.target('remote');
		expect(screen(controller)).toMatchObject({name: 'target-field', field: 'host'});
		type(controller, 'bad name?');
		await controller.dispatch({type: 'submit-text'});
		expect(screen(controller)).toMatchObject({field: 'host', error: expect.stringContaining('a NetBIOS name cannot hold')});
		for (let i = 0; i < 9; i++) void controller.dispatch({type: 'erase-text'});
		type(controller, 'NTPDC1');
		await controller.dispatch({type: 'submit-text'});
		expect(screen(controller)).toMatchObject({name: 'target-field', field: 'username'});
		type(controller, 'Administrator');
		await controller.dispatch({type: 'submit-text'});
		type(controller, 'CORP');
		await controller.dispatch({type: 'submit-text'});
		expect(screen(controller)).toMatchObject({name: 'target-field', field: 'password', length: 0});
		type(controller, password);
		expect(screen(controller)).toMatchObject({field: 'password', length: password.length});
		expect(JSON.stringify(controller.getState())).not.toContain(password);
		await controller.dispatch({type: 'submit-text'});

		expect(screen(controller)).toMatchObject({name: 'inspect', service: 'RUNNING', real: true});
		const argv = await readFile(process.env['STANDIN_LOG']!, 'utf8');
		const authFile = argv.match(/-A (\S+)/)?.[1];
		expect(authFile).toBeDefined();
		expect(argv).not.toContain(password);
		expect((await stat(authFile!)).mode & 0o777).toBe(0o600);
		expect(await readFile(authFile!, 'utf8')).toBe(`username = Administrator\npassword = ${password}\ndomain = CORP\n`);
		await controller.dispose();
		await expect(stat(authFile!)).rejects.toMatchObject({code: 'ENOENT'});
	});

	it('does not offer to go on when the preflight fails, and says what to do', async () => {
		await onServer('access-denied');
		const controller = new WizardController(options(['--target', 'windows']), {platform: 'win32'});
		await controller.start();
		const first = screen(controller);
		expect(first).toMatchObject({name: 'inspect', real: true});
		if (first.name !== 'inspect') return;
		const failed = first.checks.find(c => !c.ok);
		expect(failed).toMatchObject({detail: expect.stringContaining('may not control services'), fix: expect.any(String)});
		await controller.answers.inspect('again');
		expect(screen(controller)).toMatchObject({name: 'inspect'});
		await controller.answers.inspect('leave');
		expect(controller.getState().exit).toBe(1);
	});
});

describe('the reconstruct flow on a real server', () => {
	it('asks the servers by name, asks nothing about passwords, and waits for the admin at each NetWare step', async () => {
		await onServer();
		const controller = new WizardController(options(['--target', 'windows']), {platform: 'win32'});
		await controller.start();
		expect(screen(controller)).toMatchObject({name: 'inspect', servers: []});
		await controller.answers.inspect('continue');
		await controller.answers['ask-backup']('no');
		expect(screen(controller)).toMatchObject({name: 'consequences'});
		expect(screen(controller)).not.toHaveProperty('users');
		await controller.answers.consequences('go');
		expect(screen(controller)).toMatchObject({name: 'target-field', field: 'servers'});
		type(controller, 'fs1, fs2');
		await controller.dispatch({type: 'submit-text'});
		// Their NetWare versions first: both 3.x.
		expect(screen(controller)).toMatchObject({name: 'situation', step: 'netware'});
		await controller.answers.situation('all-3.x');
		expect(screen(controller)).toMatchObject({
			name: 'multi-select',
			purpose: 'bindery',
			items: [{value: 'FS1', label: expect.stringContaining('BINDREST')}, {value: 'FS2'}],
		});
		await controller.dispatch({type: 'submit-selection'});
		expect(screen(controller)).toMatchObject({
			name: 'plan',
			flow: 'reconstruct',
			lines: expect.arrayContaining([expect.stringContaining('each NetWare step is yours')]),
		});
		await controller.answers.plan('begin');
		expect(screen(controller)).toMatchObject({
			name: 'manual',
			step: 'delete-agent:FS1',
			instructions: expect.arrayContaining([expect.stringContaining('SYSCON')]),
		});

		const seen: string[] = [];
		for (let i = 0; i < 10 && screen(controller).name === 'manual'; i++) {
			const now = screen(controller);
			if (now.name !== 'manual') break;
			seen.push(now.step);
			if (now.step === 'synchronize') {
				// A timer, and the servers to tick as their blue checks appear: FS1 is seen, FS2 is not.
				expect(now).toMatchObject({
					startedAt: expect.any(Number),
					checklist: {
						cursor: 0,
						items: [
							{name: 'FS1', ticked: false},
							{name: 'FS2', ticked: false},
						],
					},
				});
				void controller.dispatch({type: 'tick-checklist-server'});
				void controller.dispatch({type: 'next-checklist-server'});
				expect(screen(controller)).toMatchObject({
					checklist: {
						cursor: 1,
						items: [
							{name: 'FS1', ticked: true},
							{name: 'FS2', ticked: false},
						],
					},
				});
			}
			await controller.answers.manual('done');
		}
		expect(seen).toEqual(['delete-agent:FS1', 'add-server:FS1', 'delete-agent:FS2', 'add-server:FS2', 'set-passwords', 'synchronize']);
		expect(screen(controller)).toMatchObject({name: 'summary', ok: false, title: 'Done, but FS2 was not seen with a blue check'});
		const journalDir = join(process.env['XDG_STATE_HOME']!, 'dsmn-resync');
		const [journal] = await readdir(journalDir);
		const entries = await readJournal(join(journalDir, journal!));
		// Each manual step: its instructions given, then done only by the admin's word.
		expect(entries.filter(e => e.type === 'manual-step')).toHaveLength(6);
		const summaries = entries.flatMap(e => (e.type === 'step-finished' ? [e.summary] : []));
		expect(summaries.every(summary => summary.startsWith('done by the administrator, as confirmed'))).toBe(true);
		expect(summaries.at(-1)).toBe('done by the administrator, as confirmed; blue checks ticked: FS1; not ticked: FS2');
	});
});

describe("the wizard's target questions", () => {
	it('names no practice lab in the header while a remote server is asked, and goes back to the same lab', async () => {
		const root = await tempDir();
		let labs = 0;
		const controller = new WizardController(options([]), {platform: 'linux', makeLabFolder: async () => join(root, `lab-${++labs}`)});
		await controller.start();
		await controller.answers.target('lab');
		expect(controller.getState().targetDescription).toContain('practice lab in');
		void controller.dispatch({type: 'back'});
		expect(screen(controller)).toMatchObject({name: 'target'});
		await controller.answers.target('remote');
		expect(screen(controller)).toMatchObject({name: 'target-field', field: 'host'});
		expect(controller.getState().targetDescription).toBeUndefined();
		void controller.dispatch({type: 'back'});
		await controller.answers.target('lab');
		expect(screen(controller)).toMatchObject({name: 'inspect'});
		expect(labs).toBe(1);
		expect(controller.getState().targetDescription).toContain(join(root, 'lab-1'));
		await controller.dispose();
	});
});

const {skip} = sambaReason();

describe.skipIf(skip)('the wizard on a real Samba server: a mistyped password', {timeout: 60_000}, () => {
	let server: SambaServer | undefined;
	afterEach(async () => {
		await server?.stop();
		server = undefined;
	});

	it('says to type it again (no file was given), and leaves no file with the mistyped password once it is typed right', async () => {
		server = await startSambaServer();
		Object.assign(process.env, server.env);
		// The wizard keeps the typed account in a private temporary file of its own (never in the caller's
		// options): the file its commands read (-A FILE, as the footer shows them).
		const authFile = () => {
			const command = controller.getState().commands.at(-1) ?? '';
			return /-A (\S+)/.exec(command)?.[1];
		};
		const controller = new WizardController(options([]), {platform: 'linux'});
		await controller.start();
		await controller.answers.target('remote');
		type(controller, server.name);
		await controller.dispatch({type: 'submit-text'});
		type(controller, 'Administrator');
		await controller.dispatch({type: 'submit-text'});
		type(controller, 'CORP');
		await controller.dispatch({type: 'submit-text'});
		type(controller, 'Mistyped-1');
		await controller.dispatch({type: 'submit-text'});
		const first = screen(controller);
		expect(first).toMatchObject({name: 'inspect', syncagnt: `//${server.name}/ADMIN$/SYSTEM32/SYNCAGNT`});
		if (first.name !== 'inspect') return;
		const refused = first.checks.find(c => !c.ok)!;
		expect(refused.detail).toContain(`${server.name} refused the user name or password`);
		expect(refused.detail).toContain('NT_STATUS_LOGON_FAILURE');
		expect(refused.fix).toContain('type them again');
		expect(refused.fix).not.toMatch(/credentials file|check the username, password and domain lines/);
		const mistyped = authFile();
		expect(await readFile(mistyped!, 'utf8')).toContain('Mistyped-1');

		void controller.dispatch({type: 'back'});
		expect(screen(controller)).toMatchObject({name: 'target-field', field: 'domain'});
		await controller.dispatch({type: 'submit-text'});
		type(controller, ADMIN_PASSWORD);
		await controller.dispatch({type: 'submit-text'});
		const second = screen(controller);
		expect(second).toMatchObject({name: 'inspect', service: 'RUNNING'});
		if (second.name !== 'inspect') return;
		expect(second.checks.every(c => c.ok)).toBe(true);
		expect(second.checks.map(c => c.detail).join('\n')).toContain(`through smbclient on //${server.name}/ADMIN$, no mount`);
		await expect(stat(mistyped!)).rejects.toMatchObject({code: 'ENOENT'});
		const kept = authFile();
		expect(kept).not.toBe(mistyped);
		await controller.dispose();
		await expect(stat(kept!)).rejects.toMatchObject({code: 'ENOENT'});
	});
});
