import type {Screen} from '../../wizard/state.js';
import type {ChoiceView} from '../widgets/Select.js';
import {Question} from '../widgets/Question.js';

/** Which PDC this is: the one that ran DSMN all along (KB Q148678) or a promoted BDC (KB Q154761); ? says why they differ. */
export function PdcScreen({screen, choice}: {screen: Extract<Screen, {name: 'situation'}>; choice: ChoiceView}) {
	return <Question screen={screen} choice={choice} />;
}
