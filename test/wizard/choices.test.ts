import {describe, expect, it} from 'vitest';
import {choicesOf} from '../../source/wizard/choices.js';
import {rollbackConfirmation} from '../../source/wizard/summary.js';

describe('the choices of a confirmation', () => {
	it('the roll back\'s "No" never says nothing has been changed: the run it would undo has changed things', () => {
		const labels = choicesOf(rollbackConfirmation('/lab/SYNCAGNT.before-restore-1', 'RUNNING'), true)?.items.map(item => item.label);
		expect(labels).toEqual(['Yes — Roll back', 'No — go back (nothing is rolled back: the run stays as it is)']);
		expect(labels?.join('\n')).not.toContain('nothing has been changed');
	});
});
