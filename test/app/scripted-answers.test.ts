/** A scripted run's answers, typed per intent: each with the fields it needs, or the flags still missing. */
import {describe, expect, it} from 'vitest';
import {scriptedAnswers} from '../../source/app/scripted-answers.js';
import {parseCommandLine} from '../../source/cli/parse-args.js';

function answersOf(argv: string[]) {
	const command = parseCommandLine(argv);
	if (command.kind !== 'wizard') throw new Error('not a run');
	return scriptedAnswers(command.options);
}

describe('scriptedAnswers', () => {
	it('a restore carries its backup; a resume or a roll back needs no flow', () => {
		expect(answersOf(['--lab', 'L', '--flow', 'restore', '--backup', 'B', '--yes'])).toEqual({answers: {intent: 'restore', backup: 'B'}, missing: []});
		expect(answersOf(['--lab', 'L', '--resume'])).toEqual({answers: {intent: 'resume'}, missing: []});
		expect(answersOf(['--lab', 'L', '--rollback'])).toEqual({answers: {intent: 'rollback'}, missing: []});
	});

	it("a lab's reconstruct carries how the passwords are set and where their list goes; a real server's carries none", () => {
		expect(answersOf(['--lab', 'L', '--flow', 'reconstruct', '--password-policy', 'random', '--passwords-file', 'P', '--select', 'FS1', '--yes'])).toEqual({
			answers: {intent: 'reconstruct', select: ['FS1'], restoreBindery: [], passwords: {policy: 'random', file: 'P'}},
			missing: [],
		});
		expect(answersOf(['--target', 'windows', '--flow', 'reconstruct', '--yes'])).toEqual({
			answers: {intent: 'reconstruct', select: undefined, restoreBindery: [], passwords: undefined},
			missing: [],
		});
	});

	it('names every flag still missing, and gives no answers then', () => {
		expect(answersOf(['--lab', 'L', '--flow', 'restore'])).toEqual({answers: undefined, missing: ['--backup DIR', '--yes']});
		expect(answersOf(['--lab', 'L', '--flow', 'reconstruct', '--yes'])).toEqual({
			answers: undefined,
			missing: ['--password-policy random|initial', '--passwords-file PATH'],
		});
		expect(answersOf([])).toEqual({answers: undefined, missing: ['--lab DIR (or --target windows|remote)', '--flow restore|reconstruct', '--yes']});
	});
});
