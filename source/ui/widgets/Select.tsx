import {Text} from 'ink';
import SelectInput from 'ink-select-input';
import {createContext, useContext} from 'react';
import type {Choice} from '../../procedure/wizard-state.js';
import {useGlyphs} from '../theme.js';

/** False while an overlay or a running step owns the keys. */
export const SelectActiveContext = createContext(true);

/** A list to choose from with the arrows and Enter; the pointer is drawn with the terminal's glyphs. */
export function Select<V extends string>({items, onSelect, initialIndex = 0}: {items: Choice<V>[]; onSelect: (value: V) => void; initialIndex?: number}) {
	const glyphs = useGlyphs();
	const active = useContext(SelectActiveContext);
	return (
		<SelectInput
			isFocused={active}
			items={items.map(item => ({key: item.value, label: item.label, value: item.value}))}
			initialIndex={initialIndex}
			indicatorComponent={({isSelected}: {isSelected?: boolean}) => <Text color="cyan">{isSelected ? `${glyphs.pointer} ` : '  '}</Text>}
			itemComponent={({isSelected, label}: {isSelected?: boolean; label: string}) => <Text {...(isSelected ? {color: 'cyan', bold: true} : {})}>{label}</Text>}
			// After this keypress has reached every handler: else the root handler would see the next screen
			// already and take the same Enter as its own (a choice followed by a text field would submit it).
			onSelect={item => setImmediate(() => onSelect(item.value as V))}
		/>
	);
}
