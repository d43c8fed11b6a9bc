import type {Key} from 'ink';
import {describe, expect, it} from 'vitest';
import {splitBurst} from '../../source/ui/split-keys.js';

const plain = {
	return: false,
	tab: false,
	backspace: false,
	ctrl: false,
	upArrow: false,
	downArrow: false,
	leftArrow: false,
	rightArrow: false,
	escape: false,
	meta: false,
} as Key;

describe('splitBurst', () => {
	it('leaves one key, and the sequences Ink recognised, as they are', () => {
		expect(splitBurst('y', plain)).toEqual([{input: 'y', key: plain}]);
		const up = {...plain, upArrow: true};
		expect(splitBurst('', up)).toEqual([{input: '', key: up}]);
	});

	it('takes a typed-ahead burst apart into the keys pressed, Enter, Tab, Backspace and Ctrl+C included', () => {
		const keys = splitBurst('Ab\r\t\u007Fx\u0003\u0007é', plain);
		expect(keys.map(k => [k.input, k.key.return, k.key.tab, k.key.backspace, k.key.ctrl, k.key.shift])).toEqual([
			['A', false, false, false, false, true],
			['b', false, false, false, false, false],
			['', true, false, false, false, false],
			['', false, true, false, false, false],
			['', false, false, true, false, false],
			['x', false, false, false, false, false],
			['c', false, false, false, true, false],
			// BEL: no key of ours, dropped
			['é', false, false, false, false, false],
		]);
	});

	it('takes a line feed alone for Enter (typed before the wizard took the keyboard), and Ctrl+U, Ctrl+W out of a burst', () => {
		expect(splitBurst('\n', plain).map(k => k.key.return)).toEqual([true]);
		expect(splitBurst('a\u0015b\u0017', plain).map(k => [k.input, k.key.ctrl])).toEqual([
			['a', false],
			['u', true],
			['b', false],
			['w', true],
		]);
		expect(splitBurst('\u0001x\u0005', plain).map(k => [k.input, k.key.ctrl])).toEqual([
			['a', true],
			['x', false],
			['e', true],
		]);
	});
});
