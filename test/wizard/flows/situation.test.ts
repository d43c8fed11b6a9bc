/** The situation decides the steps: the questions before and inside the two branches, driven in-process on the lab. */
import {readdir} from 'node:fs/promises';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import type {WizardOptions} from '../../../source/app/options.js';
import {parseCommandLine} from '../../../source/cli/parse-args.js';
import {readJournal} from '../../../source/journal/journal.js';
import {createLab} from '../../../source/lab/create.js';
import {LAB_DEFAULTS, type LabOptions} from '../../../source/lab/options.js';
import {labPaths} from '../../../source/lab/state.js';
import {labStatus} from '../../../source/lab/status.js';
import {citationProblems} from '../../../source/procedure/claims.js';
import {parseSrvinfo} from '../../../source/services/server-role.js';
import {lostLine} from '../../../source/wizard/flows/reconstruct-questions.js';
import {WizardController} from '../../../source/wizard/controller.js';
import {choicesOf} from '../../../source/wizard/choices.js';
import {netwareAllQuestion, netwareServerQuestion} from '../../../source/wizard/flows/situation-netware.js';
import {bdcRefusal} from '../../../source/wizard/flows/situation-role.js';
import {pdcQuestion, repairQuestion, runningQuestion, symptomQuestion} from '../../../source/wizard/flows/situation-symptom.js';
import {synchronizeAdvice, synchronizeQuestion} from '../../../source/wizard/flows/situation-synchronize.js';
import type {WizardSession} from '../../../source/wizard/session.js';
import type {Screen} from '../../../source/wizard/state.js';
import {tempDir} from '../../helpers/run-cli.js';

function options(argv: string[]): WizardOptions {
	const command = parseCommandLine(argv);
	if (command.kind !== 'wizard') throw new Error('not the wizard');
	return command.options;
}

async function labController(lab: Partial<LabOptions> = {}) {
	const dir = join(await tempDir(), 'lab');
	await createLab(dir, {...LAB_DEFAULTS, pace: 0, ...lab});
	const controller = new WizardController(options(['--lab', dir]), {progressIntervalMs: 0});
	await controller.start();
	return {dir, controller};
}

const screen = (c: WizardController) => c.getState().screen;

/** The item the pointer starts on, as Enter would choose it. */
function pointed(s: Screen): string | undefined {
	const list = choicesOf(s);
	return list?.items[list.initial]?.value;
}

async function journalStart(dir: string) {
	const name = (await readdir(labPaths(dir).journal)).find(n => n.endsWith('.jsonl'))!;
	return (await readJournal(join(labPaths(dir).journal, name)))[0]!;
}

/** Every step of a run confirmed, typed words included, until the summary. */
async function confirmAll(controller: WizardController) {
	for (let i = 0; i < 20; i++) {
		const s = screen(controller);
		if (s.name === 'summary') return s;
		if (s.name !== 'confirm') throw new Error(`stopped on ${s.name}: ${JSON.stringify(s).slice(0, 400)}`);
		if (s.word) {
			void controller.dispatch({type: 'type-text', text: s.word});
			await controller.dispatch({type: 'submit-text'});
		} else await controller.dispatch({type: 'confirm'});
	}
	throw new Error('no end');
}

describe('the situation questions', {timeout: 180_000}, () => {
	it('come before the backup question, which still follows and still branches: a red X on the PDC that ran DSMN', async () => {
		const {controller} = await labController();
		await controller.answers.inspect('continue');
		expect(screen(controller)).toMatchObject({name: 'situation', step: 'symptom'});
		expect(pointed(screen(controller))).toBe('red-x');
		await controller.answers.situation('red-x');
		const pdc = screen(controller);
		expect(pdc).toMatchObject({name: 'situation', step: 'pdc'});
		// Its ? says why the two procedures differ, each with its article.
		expect(pdc.name === 'situation' && pdc.help.why).toMatch(/KB Q148678[\s\S]*backup subfolder[\s\S]*KB Q154761/);
		await controller.answers.situation('same');
		expect(screen(controller).name).toBe('ask-backup');
		await controller.answers['ask-backup']('no');
		expect(screen(controller).name).toBe('consequences');
		await controller.dispose();
	});

	it('"The PDC was lost" is asked once, by the PDC question (the symptom question does not offer it), and restores into SYNCAGNT\\Backup (KB Q154761), leaving the new installation\'s files', async () => {
		const {dir, controller} = await labController({newPdc: true});
		const before = (await readdir(labPaths(dir).syncagnt)).sort();
		await controller.answers.inspect('continue');
		expect(choicesOf(screen(controller))?.items.map(item => item.value)).toEqual(['red-x', 'wont-start']);
		await controller.answers.situation('red-x');
		expect(screen(controller)).toMatchObject({name: 'situation', step: 'pdc'});
		await controller.answers.situation('new');
		expect(screen(controller).name).toBe('ask-backup');
		await controller.answers['ask-backup']('yes');
		await controller.dispatch({type: 'submit-text'});
		await controller.answers.validation('accept');
		await controller.answers.situation('normal');
		expect(screen(controller)).toMatchObject({name: 'plan', flow: 'new-pdc', steps: expect.arrayContaining([expect.stringContaining('SYNCAGNT\\Backup')])});
		await controller.answers.plan('begin');
		const end = await confirmAll(controller);
		expect(end).toMatchObject({ok: true});
		expect(await journalStart(dir)).toMatchObject({flow: 'restore', pdc: 'new', synchronize: 'normal'});
		expect((await readdir(join(labPaths(dir).syncagnt, 'Backup'))).map(n => n.toUpperCase())).toContain('MSSYNC.MDB');
		// The new installation's own files are where they were.
		expect((await readdir(labPaths(dir).syncagnt)).filter(n => n !== 'Backup').sort()).toEqual(expect.arrayContaining(before.filter(n => n !== 'Backup')));
	});

	it('"MSSYNC will not start" offers dsmpack /r first (KB Q197852): the repair runs, MSSYNC starts, mssync.bkp is kept', async () => {
		const {dir, controller} = await labController({wontStart: true});
		await controller.answers.inspect('continue');
		// The symptom question promised no "next question" about the PDC: here the next one is the repair's, and a repair asks none.
		const symptomSays = [...symptomQuestion().lines, symptomQuestion().help?.why ?? ''].join(' ');
		expect(symptomSays).not.toMatch(/next question/);
		expect(symptomSays).toMatch(/asked before any restore/);
		// MSSYNC found stopped after a failed start: the pointer starts on "MSSYNC will not start", and the question says why (issue 29).
		const symptom = screen(controller);
		expect(symptom).toMatchObject({name: 'situation', step: 'symptom'});
		expect(pointed(symptom)).toBe('wont-start');
		expect(symptom.name === 'situation' && symptom.lines.at(-1)).toBe(
			'The first screen found MSSYNC stopped: the pointer starts on "MSSYNC will not start (after a crash or a power cut)".',
		);
		await controller.answers.situation('wont-start');
		expect(screen(controller)).toMatchObject({name: 'situation', step: 'repair'});
		expect(pointed(screen(controller))).toBe('repair');
		// While MSSYNC is asked its state (a real server can take seconds), a loading screen says so (issue 29).
		const shown: string[] = [];
		const unsubscribe = controller.subscribe(() => shown.push(controller.getState().screen.name));
		await controller.answers.situation('repair');
		unsubscribe();
		expect(shown).toContain('loading');
		expect(shown.indexOf('loading')).toBeLessThan(shown.indexOf('plan'));
		// MSSYNC was found stopped (it will not start): the plan does not begin by stopping it, and says why the servers stay red.
		const plan = screen(controller);
		expect(plan).toMatchObject({name: 'plan', flow: 'repair', steps: ['Repair the database with dsmpack /r', 'Start MSSYNC']});
		expect(plan.name === 'plan' && plan.lines.join('\n')).toMatch(
			/stopped already.*nothing to stop[\s\S]*keeps it until the servers are synchronized after the repair/,
		);
		await controller.answers.plan('begin');
		expect(controller.getState().steps?.map(s => s.id)).toEqual(['dsmpack', 'start-service']);
		const end = await confirmAll(controller);
		expect(end.lines.join('\n')).toContain('mssync.bkp');
		// The repair synchronized nothing: the servers still red say so, and what comes next (not "when they answer again").
		expect(end.title).toBe('Repaired: MSSYNC runs; FS2, FS4, FS5 still show a red X: synchronize next');
		// One name for the domain: the lab's, in every DSMCHK command of the end (the log above and the summary).
		const said = [...controller.getState().log.map(l => l.text), ...end.lines].join('\n');
		expect(said).toMatch(/-d CORP\b/);
		expect(said).not.toMatch(/-d DOMAIN\b/);
		expect(end.lines).toContainEqual(expect.stringMatching(/^Still red: .*sent nothing/));
		expect(end.lines).toContainEqual(expect.stringMatching(/^Next: in Synchronization Manager, NetWare Server ▸ Synchronize all servers \(or start again/));
		expect(end.lines.join('\n')).not.toMatch(/answer again/);
		// The practice lab has no Event Viewer: the end names its Application log and prints the command that shows it where it
		// names it (issue 29: "the lab status command above" was off screen at 60×20).
		expect(end.lines).toContainEqual(
			`Then check: in the practice lab's Application log (dsmn-resync lab status ${dir}), MSSYNC's entries since it started (why a server stays red, or why MSSYNC stopped again); and a user or two with DSMCHK: dsmchk -d CORP -u USERNAME (KB Q154760).`,
		);
		expect(end.lines.join('\n')).not.toContain('above');
		expect(end.lines.join('\n')).not.toMatch(/Event Viewer/);
		expect(controller.getState().log.map(l => l.text)).toContainEqual(expect.stringMatching(/^DSMCHK compares/));
		expect((await labStatus(dir)).service.state).toBe('RUNNING');
		expect((await readdir(labPaths(dir).syncagnt)).map(n => n.toLowerCase())).toContain('mssync.bkp');
	});

	it('"MSSYNC will not start", repair declined: the PDC question, then the backup question as usual', async () => {
		const {controller} = await labController({wontStart: true});
		await controller.answers.inspect('continue');
		await controller.answers.situation('wont-start');
		await controller.answers.situation('skip');
		expect(screen(controller)).toMatchObject({name: 'situation', step: 'pdc'});
		await controller.answers.situation('same');
		expect(screen(controller).name).toBe('ask-backup');
		// MSSYNC is stopped (it will not start): the restore's plan does not begin by stopping it (issue 29).
		await controller.answers['ask-backup']('yes');
		await controller.dispatch({type: 'submit-text'});
		await controller.answers.validation('accept');
		await controller.answers.situation('normal');
		const plan = screen(controller);
		expect(plan).toMatchObject({name: 'plan', flow: 'restore', lines: expect.arrayContaining(['MSSYNC is stopped already: there is nothing to stop first.'])});
		expect(plan.name === 'plan' && plan.steps[0]).toBe('Move the current database aside');
		await controller.dispose();
	});
});

describe('Synchronize or Fully synchronize after a restore', {timeout: 180_000}, () => {
	it('recommends Full for a backup older than the change log is trusted for; a plain synchronize leaves stale accounts, a full one fixes them', async () => {
		const {dir, controller} = await labController({backupAgeDays: 30, changeLogSize: 50});
		await controller.answers.inspect('continue');
		await controller.answers.situation('red-x');
		await controller.answers.situation('same');
		await controller.answers['ask-backup']('yes');
		await controller.dispatch({type: 'submit-text'});
		await controller.answers.validation('accept');
		const question = screen(controller);
		expect(question).toMatchObject({name: 'situation', step: 'synchronize-restore'});
		expect(pointed(question)).toBe('full');
		expect(question.name === 'situation' && question.lines[0]).toMatch(/^Recommended: Fully synchronize all servers\. The backup is 30 days old/);
		expect(question.name === 'situation' && question.help.why).toMatch(/Event 8005/);
		// The admin chooses otherwise: the plan says so, and the run journals it.
		await controller.answers.situation('normal');
		expect(screen(controller)).toMatchObject({
			name: 'plan',
			lines: expect.arrayContaining([expect.stringMatching(/^At the end: Synchronize all servers \(recommended: Fully synchronize all servers\)/)]),
		});
		await controller.answers.plan('begin');
		const end = await confirmAll(controller);
		// The lab's Application log holds Event 8005 since the start: not "Done" alone, but what to do (exit 1).
		expect(end).toMatchObject({ok: false, exit: 1, title: 'Done, but Event 8005: the servers need a full synchronize'});
		const printed = controller.getState().log.map(l => l.text);
		expect(printed).toEqual(expect.arrayContaining([expect.stringMatching(/^DSMCHK compares/)]));
		expect(end.name === 'summary' && end.lines.join('\n')).toMatch(/MSSYNC logged Event 8005 at .*\nNext: fully synchronize, .*lab sync .* --full/);
		expect(await journalStart(dir)).toMatchObject({synchronize: 'normal'});
		// Every server blue, and yet accounts are stale on the NetWare side: the bad day.
		let status = await labStatus(dir);
		expect(status.servers.every(s => s.synchronized)).toBe(true);
		expect(status.servers.some(s => s.staleAccounts.length > 0)).toBe(true);
		expect(status.events.some(e => e.id === 8005)).toBe(true);
		await controller.dispose();

		// "Only synchronize all servers", fully this time: nothing stale is left.
		const again = new WizardController(options(['--lab', dir]), {progressIntervalMs: 0});
		await again.start();
		// Issue 29: the first screen says Event 8005 was logged, and the question recommends the full synchronize.
		expect(screen(again)).toMatchObject({name: 'inspect', blue: expect.stringMatching(/MSSYNC logged Event 8005 at /)});
		await again.answers.inspect('synchronize');
		expect(pointed(screen(again))).toBe('full');
		await again.answers.situation('full');
		expect(screen(again)).toMatchObject({name: 'confirm', step: 'synchronize-only', title: 'Fully synchronize all servers'});
		await again.dispatch({type: 'confirm'});
		expect(screen(again)).toMatchObject({name: 'summary', ok: true});
		status = await labStatus(dir);
		expect(status.servers.every(s => s.synchronized && s.staleAccounts.length === 0)).toBe(true);
		await again.dispose();
	});
});

describe("the synchronize question in the practice lab: where to look for Event 8005 is the lab's Application log", {timeout: 180_000}, () => {
	it("names `lab status` as launched, not an Event Viewer the lab has not: after a restore and after a new PDC's", async () => {
		for (const lab of [{}, {newPdc: true}]) {
			const dir = join(await tempDir(), 'lab');
			await createLab(dir, {...LAB_DEFAULTS, pace: 0, servers: 2, accounts: 20, ...lab});
			const controller = new WizardController(options(['--lab', dir]), {progressIntervalMs: 0, launcher: 'npm start --'});
			await controller.start();
			await controller.answers.inspect('continue');
			await controller.answers.situation('red-x');
			await controller.answers.situation(lab.newPdc ? 'new' : 'same');
			await controller.answers['ask-backup']('yes');
			await controller.dispatch({type: 'submit-text'});
			await controller.answers.validation('accept');
			const question = screen(controller);
			expect(question).toMatchObject({name: 'situation', step: 'synchronize-restore'});
			const lines = question.name === 'situation' ? question.lines.join('\n') : '';
			expect(lines).toContain(
				`After MSSYNC starts: look in the practice lab's Application log (npm start -- lab status ${dir}) for Event 8005 from MSSYNC since the start`,
			);
			expect(lines).not.toMatch(/Event Viewer/);
			await controller.dispose();
		}
	});
});

describe("each server's NetWare version in the reconstruct", {timeout: 180_000}, () => {
	it('asks each server when not all run 3.x: a 4.x server gets no bindery restore, and the run carries the versions', async () => {
		const {dir, controller} = await labController({backup: false, netware: {FS2: '4.x'}, allow4x: true});
		await controller.answers.inspect('continue');
		await controller.answers.situation('red-x');
		await controller.answers.situation('same');
		await controller.answers['ask-backup']('no');
		await controller.answers.consequences('go');
		await controller.dispatch({type: 'submit-selection'});
		// The lab knows its servers' versions: the question starts from them, and says so.
		expect(screen(controller)).toMatchObject({
			name: 'situation',
			step: 'netware',
			lines: expect.arrayContaining(['The practice lab says: FS2 runs NetWare 4.x, FS4 runs NetWare 3.x, FS5 runs NetWare 3.x. The answer starts from that.']),
		});
		expect(pointed(screen(controller))).toBe('each');
		await controller.answers.situation('each');
		expect(screen(controller)).toMatchObject({name: 'situation', step: 'netware:FS2'});
		expect(pointed(screen(controller))).toBe('4.x');
		await controller.answers.situation('4.x');
		expect(screen(controller)).toMatchObject({name: 'situation', step: 'netware:FS4'});
		expect(pointed(screen(controller))).toBe('3.x');
		await controller.answers.situation('3.x');
		await controller.answers.situation('2.x');
		const bindery = screen(controller);
		expect(bindery).toMatchObject({name: 'multi-select', purpose: 'bindery'});
		expect(bindery.name === 'multi-select' && bindery.items.find(i => i.value === 'FS2')?.label).toMatch(/NetWare 4\.x: no bindery backup to restore/);
		// Choosing the 4.x server for BINDREST is refused, with why.
		void controller.dispatch({type: 'toggle-selected'});
		await controller.dispatch({type: 'submit-selection'});
		expect(screen(controller)).toMatchObject({
			name: 'multi-select',
			purpose: 'bindery',
			error: expect.stringMatching(/FS2 runs NetWare 4\.x: .*BINDREST does not apply/),
		});
		void controller.dispatch({type: 'toggle-selected'});
		await controller.dispatch({type: 'submit-selection'});
		await controller.answers['password-policy']('random');
		void controller.dispatch({type: 'erase-text', what: 'line'});
		void controller.dispatch({type: 'type-text', text: join(await tempDir(), 'passwords.txt')});
		await controller.dispatch({type: 'submit-text'});
		expect(screen(controller)).toMatchObject({
			name: 'plan',
			flow: 'reconstruct',
			lines: expect.arrayContaining(['NetWare versions: FS2 4.x, FS4 3.x, FS5 2.x.']),
		});
		await controller.answers.plan('begin');
		expect(await journalStart(dir)).toMatchObject({flow: 'reconstruct', netware: {FS2: '4.x', FS5: '2.x'}});
		const add = screen(controller);
		expect(add).toMatchObject({name: 'confirm', step: 'delete-agent:FS2'});
		// The 4.x server's confirmation names no 3.x tool (the version screen says 4.x has no SYSCON).
		expect(JSON.stringify(add)).not.toMatch(/SYSCON:/);
		expect(JSON.stringify(add)).toMatch(/bindery context, as NetWare 4\.x's administrative tools would/);
		await controller.dispose();
	});

	// Issue 28, item 1: without Allow4X the old flow deleted FS2's WINNT_SYNC_AGENT, then could not add FS2 back.
	it.each(['all-3.x', '4.x'] as const)('without Allow4X a 4.x server is refused before anything changes, whatever the answer (%s)', async answer => {
		const {dir, controller} = await labController({backup: false, servers: 2, netware: {FS2: '4.x'}});
		await controller.answers.inspect('continue');
		await controller.answers.situation('red-x');
		await controller.answers.situation('same');
		await controller.answers['ask-backup']('no');
		await controller.answers.consequences('go');
		await controller.dispatch({type: 'submit-selection'});
		if (answer === 'all-3.x') await controller.answers.situation('all-3.x');
		else {
			await controller.answers.situation('each');
			await controller.answers.situation('3.x');
			await controller.answers.situation('4.x');
		}
		const refused = screen(controller);
		expect(refused).toMatchObject({name: 'summary', ok: false, title: 'Not ready to reconstruct: nothing was changed'});
		const lines = refused.name === 'summary' ? refused.lines.join('\n') : '';
		expect(lines).toMatch(/FS2 runs NetWare 4\.x, and Allow4X is not set on the PDC/);
		expect(lines).toMatch(/What to do: on the PDC, set Allow4X \(REG_DWORD, 1\).*restart the NT server.*dsmn-resync lab allow4x /);
		expect((await labStatus(dir)).servers.map(s => s.syncAgent)).toEqual([true, true]);
		expect(await readdir(labPaths(dir).journal).catch(() => [])).toEqual([]);
		await controller.dispose();
	});

	it('one Enter when all are 3.x: the bindery question follows with the 3.x backups', async () => {
		const {controller} = await labController({backup: false});
		// The domain's propagated accounts are read once: the consequences screen counts them, the bindery question reuses them.
		const ops = (controller as unknown as {s: WizardSession}).s.activeTarget.servers.reconstruct!;
		const read = ops.propagatedUsers.bind(ops);
		let reads = 0;
		ops.propagatedUsers = () => {
			reads++;
			return read();
		};
		await controller.answers.inspect('continue');
		await controller.answers.situation('red-x');
		await controller.answers.situation('same');
		await controller.answers['ask-backup']('no');
		await controller.answers.consequences('go');
		await controller.dispatch({type: 'submit-selection'});
		await controller.answers.situation('all-3.x');
		const bindery = screen(controller);
		expect(bindery).toMatchObject({name: 'multi-select', purpose: 'bindery'});
		// The users a bindery restore removes are the domain's propagated accounts here: they come back with the
		// synchronize, so the label says so instead of "would be lost".
		const labels = bindery.name === 'multi-select' ? bindery.items.map(i => i.label) : [];
		expect(labels.length).toBeGreaterThan(0);
		for (const label of labels) {
			expect(label).not.toMatch(/would be lost/);
			// Said as what would happen if chosen, with the domain's number (120) as said everywhere else.
			expect(label).toMatch(
				/: \d+ users; if chosen: (all 120 domain accounts removed, then propagated again|\d+ of the 120 domain accounts removed \(\d+ not on it now\), then all 120 propagated again)$/,
			);
		}
		expect(reads).toBe(1);
		await controller.dispose();
	});
});

describe('Supervisor rights, asked on the consequences screen', {timeout: 180_000}, () => {
	it('"no Supervisor login on some": nothing changed, why it is needed (KB Q183684), what to do, and the command to start again on its own line', async () => {
		const {dir, controller} = await labController({backup: false});
		await controller.answers.inspect('continue');
		await controller.answers.situation('red-x');
		await controller.answers.situation('same');
		await controller.answers['ask-backup']('no');
		expect(screen(controller)).toMatchObject({name: 'consequences'});
		const before = await labStatus(dir);
		await controller.answers.consequences('no-supervisor');
		// The real choices, not only Enter: go on with the servers there is a login for, or leave.
		const question = screen(controller);
		expect(question).toMatchObject({name: 'situation', step: 'no-supervisor'});
		expect(choicesOf(question)?.items.map(item => item.value)).toEqual(['some', 'leave']);
		expect(question.name === 'situation' && citationProblems([...question.lines, question.help.why, question.help.kb].join('\n'))).toEqual([]);
		await controller.answers.situation('leave');
		const end = screen(controller);
		// A leave with nothing changed exits as q would there (130), not as a refusal (1).
		expect(end).toMatchObject({name: 'summary', title: 'Left: nothing was changed', ok: false, exit: 130});
		expect(controller.getState().exit).toBe(130);
		const lines = end.name === 'summary' ? end.lines : [];
		expect(lines[0]).toMatch(/Add Server to Manage asks for a Supervisor or equivalent login before it adds the server back \(KB Q183684\)/);
		expect(lines[1]).toMatch(/^What to do: get a login for each server first .*then start again:$/);
		expect(lines[2]).toMatch(new RegExp(`^dsmn-resync .*--lab ${dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
		expect(lines[3]).toBe('To go on now with only the servers you have a login for, start again and choose just those.');
		expect(citationProblems(lines.join('\n'))).toEqual([]);
		// Nothing changed: every server as it was, and no run journaled.
		expect((await labStatus(dir)).servers).toEqual(before.servers);
		expect(await readdir(labPaths(dir).journal).catch(() => [])).toEqual([]);
		await controller.dispose();
	});

	it('--supervisor yes|no given to the wizard answers the login question: only the answer given is offered, and says so', async () => {
		for (const [answer, offered] of [
			['yes', ['go']],
			['no', ['no-supervisor']],
		] as const) {
			const dir = join(await tempDir(), 'lab');
			await createLab(dir, {...LAB_DEFAULTS, pace: 0, backup: false});
			const controller = new WizardController(options(['--lab', dir, '--supervisor', answer]), {progressIntervalMs: 0});
			await controller.start();
			await controller.answers.inspect('continue');
			await controller.answers.situation('red-x');
			await controller.answers.situation('same');
			await controller.answers['ask-backup']('no');
			const consequences = screen(controller);
			expect(consequences).toMatchObject({name: 'consequences', supervisor: answer});
			const items = choicesOf(consequences)?.items ?? [];
			expect(items.map(item => item.value)).toEqual(offered);
			expect(items[0]?.label).toContain(`--supervisor ${answer}`);
			await controller.dispose();
		}
	});

	it('"no Supervisor login on some", then "go on with only those": the servers are chosen next, and Esc goes back to the question', async () => {
		const {controller} = await labController({backup: false});
		await controller.answers.inspect('continue');
		await controller.answers.situation('red-x');
		await controller.answers.situation('same');
		await controller.answers['ask-backup']('no');
		await controller.answers.consequences('no-supervisor');
		await controller.answers.situation('some');
		expect(screen(controller)).toMatchObject({name: 'multi-select', purpose: 'servers'});
		await controller.dispatch({type: 'back'});
		expect(screen(controller)).toMatchObject({name: 'situation', step: 'no-supervisor'});
		await controller.dispose();
	});
});

describe('the NetWare version question, in plain words', () => {
	it('says what the answer changes, what 3.x/2.x and 4.x each mean here, and what Allow4X is and where it goes (KB Q145589)', () => {
		const q = netwareAllQuestion(['FS1', 'FS2'], {});
		expect(q.lines).toEqual([
			'The answer changes the steps: which files hold the bindery backup, which NetWare tools the instructions name, and what the PDC needs before it can add the server back.',
			'NetWare 3.x (the usual case): WINNT_SYNC_AGENT is deleted with SYSCON, and a bindery restore, if you choose one, uses BINDREST.',
			// 2.x: what DSMN supports (Q145589), and which answer fits it: the items name it.
			'NetWare 2.x: DSMN adds it as it adds 3.x, without the Allow4X that 4.x needs (KB Q145589); the same tools, but BINDFIX keeps its bindery in two files (NET$BIND.OLD and NET$BVAL.OLD), so answer 2.x for it.',
			'NetWare 4.x: no SYSCON or BINDREST (its accounts are in NDS). DSMN takes a 4.x server only in bindery emulation, and only after a registry value named Allow4X is set on the PDC and the PDC restarted (KB Q145589).',
		]);
		expect(choicesOf(q)?.items.map(item => item.label)).toEqual(['All run NetWare 3.x', 'Some run NetWare 4.x or 2.x: ask for each server']);
		expect(citationProblems(q.lines.join('\n'))).toEqual([]);
		expect(q.help.why).toMatch(
			/^The bindery backup BINDFIX keeps: on NetWare 3\.x NET\$OBJ\.OLD, NET\$PROP\.OLD, NET\$VAL\.OLD; on 2\.x NET\$BIND\.OLD and NET\$BVAL\.OLD\./,
		);
		expect(q.help.why).toMatch(/SUPERVISOR runs it from SYS:SYSTEM at a workstation/);
		expect(q.help.kb).toMatch(
			/^Allow4X is a value in the PDC's registry, under HKLM\\SYSTEM\\CurrentControlSet\\Services\\MSSYNC\\Parameters: name Allow4X, type REG_DWORD, data 1; then restart the PDC\./,
		);
		expect(q.help.kb).toMatch(
			/DSMN adds only NetWare 2\.x and 3\.x servers \(KB Q145589\), .*: "<server> is a Netware 4\.X server\. It cannot be added to the Domain\."$/,
		);
		// Each server's items: the version, and for 4.x only what the PDC needs (the reasons are on the screen above them).
		expect(netwareServerQuestion('FS2', {}).items.map(i => i.label)).toEqual([
			'NetWare 3.x',
			'NetWare 4.x (in bindery emulation; the PDC needs Allow4X)',
			'NetWare 2.x',
		]);
		expect(netwareServerQuestion('FS2', {}).lines).toEqual(netwareAllQuestion(['FS2'], {}).lines);
	});
});

describe('what a bindery restore does to the users made since its backup', () => {
	it("the domain's accounts come back with the synchronize; the others are lost", () => {
		const domain = new Set(['ALICE', 'BOB']);
		expect(lostLine(['alice', 'Bob'], domain)).toBe('if chosen: all 2 domain accounts removed, then propagated again');
		expect(lostLine(['ALICE', 'LOCAL1'], domain)).toBe('if chosen: 1 of the 2 domain accounts removed, then all 2 propagated again; 1 other user lost');
		// Where the backup's users are known: what became of the domain's others, true of any backup.
		expect(lostLine(['ALICE', 'LOCAL1'], domain, ['GUEST'])).toBe(
			'if chosen: 1 of the 2 domain accounts removed (1 not on it now), then all 2 propagated again; 1 other user lost',
		);
		const three = new Set(['ALICE', 'BOB', 'CAROL']);
		// A backup taken after BOB reached the server: BOB stays, so he is no account that "never reached it".
		expect(lostLine(['ALICE'], three, ['bob', 'LOCAL2'])).toBe(
			'if chosen: 1 of the 3 domain accounts removed (1 in the backup, kept; 1 not on it now), then all 3 propagated again',
		);
		expect(lostLine(['ALICE'], three, ['BOB', 'CAROL'])).toBe(
			'if chosen: 1 of the 3 domain accounts removed (2 in the backup, kept), then all 3 propagated again',
		);
		expect(lostLine(['LOCAL1', 'LOCAL2'], domain)).toBe('if chosen: 2 other users lost');
		expect(lostLine([], domain)).toBe('if chosen: no user lost');
	});
});

describe('what the situation questions say', () => {
	it('the PDC question says what the server reports of itself, where the target can ask it', () => {
		const bdc = parseSrvinfo('\tplatform_id     :\t500\n\tos version      :\t4.0\n\tserver type     :\t0x11013\n');
		const shown = pdcQuestion(bdc);
		expect(shown.lines).toEqual([
			expect.stringMatching(/reports itself as a BDC \(server type 0x11013\).*Promote it to PDC/),
			'Nothing is restored on a BDC: answer, and the tool says what to do first.',
		]);
		// Where the target cannot ask (Windows), the screen says the answer alone decides.
		expect(pdcQuestion(undefined).lines).toEqual(['The tool cannot ask this server its role from here: your answer decides.']);
	});

	it("the synchronize question's ? says each thing once: nothing of its help repeats a line of the screen", () => {
		// The help shows the lines a small terminal cut, then why and kb: a sentence of the screen in why or kb is said twice.
		const advice = synchronizeAdvice('restore', new Date(Date.now() - 30 * 86_400_000).toISOString(), new Date());
		for (const s of [synchronizeQuestion('restore', advice), synchronizeQuestion('only', synchronizeAdvice('only', undefined, new Date()))]) {
			const sentences = s.lines.flatMap(line => line.split(/(?<=\.)\s+/)).filter(sentence => sentence.length > 30);
			for (const sentence of sentences) expect(`${s.help.why}\n${s.help.kb}`, s.step).not.toContain(sentence);
		}
	});

	it('cites each article only for what it says (the claims table)', () => {
		const advice = synchronizeAdvice('restore', new Date(Date.now() - 30 * 86_400_000).toISOString(), new Date());
		const screens = [
			symptomQuestion(),
			pdcQuestion(undefined),
			pdcQuestion(parseSrvinfo('\tserver type     :\t0x1013\n')),
			runningQuestion('RUNNING'),
			repairQuestion(),
			synchronizeQuestion('restore', advice),
			synchronizeQuestion('only', synchronizeAdvice('only', undefined, new Date())),
			netwareAllQuestion(['FS1', 'FS2'], {FS2: '4.x'}),
			netwareServerQuestion('FS2', {}),
		];
		for (const s of screens) {
			const text = [s.title, ...s.lines, ...s.items.map(i => i.label), s.help.why, s.help.kb].join('\n');
			expect(citationProblems(text), s.step).toEqual([]);
		}
		const bdc = parseSrvinfo('\tserver type     :\t0x1013\n')!;
		for (const pdc of ['same', 'new'] as const) expect(citationProblems(bdcRefusal(bdc, pdc, 'dsmn-resync').lines.join('\n')), pdc).toEqual([]);
	});
});

describe('the PDC answer checked against the role the server reports (srvinfo; lab create --role)', {timeout: 180_000}, () => {
	it('a BDC takes no restore: the PDC screen says what it reported; either answer ends with what to do first, nothing changed, Esc to change it', async () => {
		const {dir, controller} = await labController({role: 'bdc'});
		await controller.answers.inspect('continue');
		await controller.answers.situation('red-x');
		const question = screen(controller);
		expect(question).toMatchObject({name: 'situation', step: 'pdc'});
		expect(question.name === 'situation' && question.lines.join(' ')).toMatch(/reports itself as a BDC \(server type 0x1013\).*Nothing is restored on a BDC/);
		await controller.answers.situation('same');
		const same = screen(controller);
		expect(same).toMatchObject({name: 'summary', ok: false, title: 'This server is a BDC: nothing was changed', back: true});
		expect(same.name === 'summary' && same.lines.join('\n')).toMatch(
			/What to do: Run the tool on the PDC that ran DSMN instead \(--host[\s\S]*If that PDC was lost: Promote this BDC to PDC/,
		);
		expect(controller.canGoBack()).toBe(true);
		await controller.dispatch({type: 'back'});
		expect(screen(controller)).toMatchObject({name: 'situation', step: 'pdc'});
		await controller.answers.situation('new');
		const lost = screen(controller);
		expect(lost.name === 'summary' && lost.lines[1]).toMatch(
			/^What to do: Promote this BDC to PDC in Server Manager .* answer that the PDC was lost \(KB Q154761\)\.$/,
		);
		// Nothing was begun: no journal, MSSYNC as found.
		const journals = await readdir(labPaths(dir).journal).catch(() => []);
		expect(journals).toEqual([]);
		expect((await labStatus(dir)).service.state).toBe('RUNNING');
		await controller.dispose();
	});

	it('"The PDC was lost" on a BDC not yet promoted (lab create --new-pdc --role bdc): promote it first', async () => {
		const {controller} = await labController({newPdc: true, role: 'bdc'});
		await controller.answers.inspect('continue');
		await controller.answers.situation('red-x');
		await controller.answers.situation('new');
		const end = screen(controller);
		expect(end).toMatchObject({name: 'summary', ok: false, title: 'This server is a BDC: nothing was changed'});
		expect(end.name === 'summary' && end.lines[1]).toMatch(/^What to do: Promote this BDC to PDC/);
		await controller.dispose();
	});

	it('a PDC fits either answer: the screen says what it reported, and "a BDC promoted since" goes on to the backup question', async () => {
		const {controller} = await labController();
		await controller.answers.inspect('continue');
		await controller.answers.situation('red-x');
		const question = screen(controller);
		expect(question.name === 'situation' && question.lines).toEqual([
			expect.stringMatching(/^This server reports itself as the domain's PDC \(server type 0x100b\)/),
			expect.stringMatching(/^Either answer fits a PDC: a BDC promoted after the PDC was lost is the PDC now/),
		]);
		await controller.answers.situation('new');
		expect(screen(controller).name).toBe('ask-backup');
		await controller.dispose();
	});
});

describe('"MSSYNC will not start" while the first screen found it RUNNING', {timeout: 180_000}, () => {
	it('is asked again with what the server reports: "it keeps running" leads to the red X\'s questions, "it stops again" to the repair', async () => {
		const {controller} = await labController();
		await controller.answers.inspect('continue');
		await controller.answers.situation('wont-start');
		const asked = screen(controller);
		expect(asked).toMatchObject({name: 'situation', step: 'running', title: 'MSSYNC is running: does it stop again by itself?'});
		expect(asked.name === 'situation' && asked.lines[0]).toMatch(/^The first screen found MSSYNC RUNNING\b/);
		await controller.answers.situation('red-x');
		expect(screen(controller)).toMatchObject({name: 'situation', step: 'pdc'});
		await controller.dispatch({type: 'back'});
		await controller.dispatch({type: 'back'});
		expect(screen(controller)).toMatchObject({name: 'situation', step: 'symptom'});
		await controller.answers.situation('wont-start');
		await controller.answers.situation('wont-start');
		expect(screen(controller)).toMatchObject({name: 'situation', step: 'repair'});
		await controller.dispose();
	});
});
