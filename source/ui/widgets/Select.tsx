import {Box} from 'ink';
import {Text} from './Text.js';
import type {Choice} from '../../wizard/state.js';
import {useGlyphs} from '../theme.js';

/** A list as drawn: its items, and the pointer's. */
export type ChoiceView = {items: Choice[]; pointer: number};

/**
 * A list to choose from with the arrows and Enter; the pointer is drawn with the terminal's glyphs.
 *
 * It only draws. The items are the wizard's (source/wizard/choices.ts), the pointer is the controller's
 * (source/wizard/choice-cursor.ts), moved by each key as it comes, and the keys reach it through the one
 * input handler (ARCHITECTURE.md, "Keys and type-ahead"). Digits do not choose: no choice happens by accident.
 */
export function Select({items, pointer}: ChoiceView) {
	const glyphs = useGlyphs();
	return (
		<Box flexDirection="column">
			{/* The pointer in a column of its own: a label that wraps goes on under its own first word. */}
			{items.map((item, index) => (
				<Box key={item.value}>
					<Box flexShrink={0}>
						<Text {...(index === pointer ? {color: 'cyan', bold: true} : {})}>{index === pointer ? `${glyphs.pointer} ` : '  '}</Text>
					</Box>
					<Text {...(index === pointer ? {color: 'cyan', bold: true} : {})}>{item.label}</Text>
				</Box>
			))}
		</Box>
	);
}
