import {Box, useInput} from 'ink';
import {Text} from './Text.js';
import {createContext, useContext, useRef, useState} from 'react';
import type {Choice} from '../../wizard/state.js';
import {useGlyphs} from '../theme.js';

/** False while an overlay or a running step owns the keys. */
export const SelectActiveContext = createContext(true);

/** Told when an Enter comes while the choice already made is being acted on: the next screen says it was not used. */
export const IgnoredKeyContext = createContext<() => void>(() => {});

/**
 * A list to choose from with the arrows and Enter; the pointer is drawn with the terminal's glyphs.
 *
 * Our own rather than ink-select-input's: that one reads the highlighted item from the last render, so
 * keys typed ahead (as they arrive over a slow SSH link, several before a redraw) made Enter choose the
 * item drawn a moment before — on a confirmation, "Yes" where the admin had moved to "Not now". Here
 * the pointer lives in a ref, moved by each key as it comes; the render only shows it. Digits do not
 * choose: no choice happens by accident.
 */
export function Select<V extends string>({items, onSelect, initialIndex = 0}: {items: Choice<V>[]; onSelect: (value: V) => void; initialIndex?: number}) {
	const glyphs = useGlyphs();
	const active = useContext(SelectActiveContext);
	const ignored = useContext(IgnoredKeyContext);
	const start = Math.min(Math.max(0, initialIndex), items.length - 1);
	const pointer = useRef(start);
	const chosen = useRef(false);
	const [, redraw] = useState(0);
	// Other items in the same place (a screen drawn again with new choices): start over.
	const itemsKey = items.map(item => item.value).join('\u0000');
	const lastItems = useRef(itemsKey);
	if (lastItems.current !== itemsKey) {
		lastItems.current = itemsKey;
		pointer.current = start;
	}
	const shown = pointer.current;
	useInput(
		(_input, key) => {
			if (items.length === 0) return;
			if (chosen.current) {
				// A quick second Enter: the first one chose; this one is not taken for the next screen, and it says so.
				if (key.return) ignored();
				return;
			}
			if (key.upArrow || key.downArrow) {
				pointer.current = (pointer.current + (key.upArrow ? -1 : 1) + items.length) % items.length;
				redraw(n => n + 1);
			} else if (key.return) {
				// Once: keys after this Enter belong to the next screen.
				chosen.current = true;
				const value = items[pointer.current]!.value;
				// After this keypress has reached every handler: else the root handler would see the next screen
				// already and take the same Enter as its own (a choice followed by a text field would submit it).
				setImmediate(() => {
					chosen.current = false;
					onSelect(value);
				});
			}
		},
		{isActive: active},
	);
	return (
		<Box flexDirection="column">
			{items.map((item, index) => (
				<Text key={item.value} {...(index === shown ? {color: 'cyan', bold: true} : {})}>
					{index === shown ? `${glyphs.pointer} ` : '  '}
					{item.label}
				</Text>
			))}
		</Box>
	);
}
