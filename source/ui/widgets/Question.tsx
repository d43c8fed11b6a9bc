import {Box} from 'ink';
import {Text} from './Text.js';
import type {Screen} from '../../wizard/state.js';
import {safeText} from '../../text/sanitize.js';
import {Select, type ChoiceView} from './Select.js';

/** A situation question as drawn: its title, what the admin should know before answering, the list. `?` gives its why. */
export function Question({screen, choice, tone}: {screen: Extract<Screen, {name: 'situation'}>; choice: ChoiceView; tone?: 'yellow'}) {
	return (
		<Box flexDirection="column">
			<Text bold>{screen.title}</Text>
			{screen.lines.map((line, i) => (
				<Text key={i} {...(i === 0 && tone ? {color: tone} : {dimColor: true})}>
					{safeText(line)}
				</Text>
			))}
			<Select {...choice} />
		</Box>
	);
}
