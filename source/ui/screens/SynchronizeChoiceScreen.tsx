import type {Screen} from '../../wizard/state.js';
import type {ChoiceView} from '../widgets/Select.js';
import {Question} from '../widgets/Question.js';

/** Synchronize or Fully synchronize: the recommendation, from the backup's age, is drawn first. */
export function SynchronizeChoiceScreen({screen, choice}: {screen: Extract<Screen, {name: 'situation'}>; choice: ChoiceView}) {
	return <Question screen={screen} choice={choice} tone="yellow" />;
}
