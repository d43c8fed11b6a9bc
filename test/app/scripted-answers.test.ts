/** A scripted run's answers, typed per intent: each with the fields it needs, or the flags still missing. */
import {describe, expect, it} from 'vitest';
import {scriptedAnswers} from '../../source/app/scripted-answers.js';
import {parseCommandLine} from '../../source/cli/parse-args.js';

function answersOf(argv: string[]) {
	const command = parseCommandLine(argv);
	if (command.kind !== 'wizard') throw new Error('not a run');
	const {run, missing} = scriptedAnswers(command.options);
	return {answers: run?.answers, missing};
}

describe('scriptedAnswers', () => {
	it('the dsmpack repair is a run of its own: no --flow, no backup; with --flow it is refused', () => {
		expect(answersOf(['--lab', 'L', '--repair', 'dsmpack', '--yes'])).toEqual({answers: {intent: 'repair'}, missing: []});
		expect(() => answersOf(['--lab', 'L', '--repair', 'dsmpack', '--flow', 'restore', '--yes'])).toThrow(/--repair dsmpack is a run of its own/);
		expect(() => answersOf(['--lab', 'L', '--repair', 'chkdsk'])).toThrow(/--repair must be dsmpack, not "chkdsk"/);
		expect(() => answersOf(['--lab', 'L', '--pdc', 'old'])).toThrow(/--pdc must be same or new, not "old"/);
	});

	it('a restore carries its backup; a resume or a roll back needs no flow', () => {
		expect(answersOf(['--lab', 'L', '--flow', 'restore', '--backup', 'B', '--pdc', 'same', '--synchronize', 'normal', '--yes'])).toEqual({
			answers: {intent: 'restore', backup: 'B', pdc: 'same', synchronize: 'normal'},
			missing: [],
		});
		expect(answersOf(['--lab', 'L', '--flow', 'restore', '--backup', 'B', '--pdc', 'new', '--synchronize', 'full', '--yes'])).toEqual({
			answers: {intent: 'restore', backup: 'B', pdc: 'new', synchronize: 'full'},
			missing: [],
		});
		expect(answersOf(['--lab', 'L', '--resume'])).toEqual({answers: {intent: 'resume'}, missing: []});
		expect(answersOf(['--lab', 'L', '--rollback'])).toEqual({answers: {intent: 'rollback'}, missing: []});
	});

	it("a lab's reconstruct carries how the passwords are set and where their list goes; a real server's carries none", () => {
		expect(
			answersOf([
				'--lab',
				'L',
				'--flow',
				'reconstruct',
				'--password-policy',
				'random',
				'--passwords-file',
				'P',
				'--select',
				'FS1',
				'--supervisor',
				'yes',
				'--yes',
			]),
		).toEqual({
			answers: {intent: 'reconstruct', select: ['FS1'], restoreBindery: [], passwords: {policy: 'random', file: 'P'}, supervisor: 'yes'},
			missing: [],
		});
		expect(answersOf(['--target', 'windows', '--flow', 'reconstruct', '--supervisor', 'yes', '--yes'])).toEqual({
			answers: {intent: 'reconstruct', select: undefined, restoreBindery: [], passwords: undefined, supervisor: 'yes'},
			missing: [],
		});
	});

	it('a reconstruct carries the Supervisor answer, as the wizard asks it (KB Q183684): missing, it is named; anything but yes or no is refused', () => {
		expect(answersOf(['--target', 'windows', '--flow', 'reconstruct', '--supervisor', 'no', '--yes'])).toEqual({
			answers: {intent: 'reconstruct', select: undefined, restoreBindery: [], passwords: undefined, supervisor: 'no'},
			missing: [],
		});
		expect(answersOf(['--target', 'windows', '--flow', 'reconstruct', '--yes'])).toEqual({answers: undefined, missing: ['--supervisor yes|no']});
		expect(() => answersOf(['--target', 'windows', '--flow', 'reconstruct', '--supervisor', 'maybe'])).toThrow(/--supervisor must be yes or no, not "maybe"/);
		// A restore asks no such question.
		expect(answersOf(['--lab', 'L', '--flow', 'restore', '--backup', 'B', '--pdc', 'same', '--synchronize', 'normal', '--yes']).missing).toEqual([]);
	});

	it('carries the target the command line names, as parsed once', () => {
		const command = parseCommandLine(['--target', 'remote', '--host', 'NTPDC1', '--resume']);
		if (command.kind !== 'wizard') throw new Error('not a run');
		expect(scriptedAnswers(command.options).run?.target).toEqual({kind: 'remote', host: 'NTPDC1'});
	});

	it('names every flag still missing, and gives no answers then', () => {
		expect(answersOf(['--lab', 'L', '--flow', 'restore'])).toEqual({
			answers: undefined,
			missing: ['--backup DIR', '--pdc same|new', '--synchronize normal|full', '--yes'],
		});
		expect(answersOf(['--lab', 'L', '--flow', 'restore', '--backup', 'B', '--pdc', 'same', '--yes'])).toEqual({
			answers: undefined,
			missing: ['--synchronize normal|full'],
		});
		expect(answersOf(['--lab', 'L', '--flow', 'reconstruct', '--yes'])).toEqual({
			answers: undefined,
			missing: ['--password-policy random|initial', '--passwords-file PATH', '--supervisor yes|no'],
		});
		expect(answersOf([])).toEqual({answers: undefined, missing: ['--lab DIR (or --target windows|remote)', '--flow restore|reconstruct', '--yes']});
	});
});
