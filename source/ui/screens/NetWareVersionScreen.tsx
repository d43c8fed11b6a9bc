import type {Screen} from '../../wizard/state.js';
import type {ChoiceView} from '../widgets/Select.js';
import {Question} from '../widgets/Question.js';

/** The chosen servers' NetWare versions, before the bindery question. */
export function NetWareVersionScreen({screen, choice}: {screen: Extract<Screen, {name: 'situation'}>; choice: ChoiceView}) {
	return <Question screen={screen} choice={choice} />;
}
