import {describe, expect, it} from 'vitest';
import {splitStartAgain} from '../../../source/ui/widgets/StartAgain.js';

describe('splitStartAgain', () => {
	it('parts a text that ends with the command to start again into its sentence and the command', () => {
		expect(splitStartAgain('to resume, start again on this target: npm start -- --lab /tmp/x/lab')).toEqual({
			sentence: 'to resume, start again on this target:',
			command: 'npm start -- --lab /tmp/x/lab',
		});
		expect(splitStartAgain('Do the step as instructed, then start again on this target and confirm it: dsmn-resync --lab /l')).toEqual({
			sentence: 'Do the step as instructed, then start again on this target and confirm it:',
			command: 'dsmn-resync --lab /l',
		});
	});

	it('leaves any other text whole', () => {
		expect(splitStartAgain('Nothing has been changed on the target.')).toEqual({sentence: 'Nothing has been changed on the target.'});
	});
});
