import type {Screen} from '../../wizard/state.js';
import type {ChoiceView} from '../widgets/Select.js';
import {Question} from '../widgets/Question.js';

/** The first question, what the admin sees; and, when MSSYNC will not start, the repair offered first. */
export function SymptomScreen({screen, choice}: {screen: Extract<Screen, {name: 'situation'}>; choice: ChoiceView}) {
	return <Question screen={screen} choice={choice} />;
}
