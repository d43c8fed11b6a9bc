/**
 * Ink's Text, with the program's own words in ASCII when the terminal draws ASCII only: the replacement
 * happens before Ink lays the text out, so "…" becoming "..." keeps its columns right.
 */
import {Text as InkText} from 'ink';
import {Children, type ComponentProps, type ReactNode} from 'react';
import {toAscii} from '../../text/ascii.js';
import {useGlyphs} from '../theme.js';

function asciiChildren(children: ReactNode): ReactNode {
	return Children.map(children, child => (typeof child === 'string' ? toAscii(child) : child));
}

type InkTextProps = ComponentProps<typeof InkText>;

/** Ink's props, where a color may also be given as undefined (no color): the screens pass one conditionally. */
export type TextProps = Omit<InkTextProps, 'color'> & {color?: InkTextProps['color'] | undefined};

export function Text({children, color, ...props}: TextProps) {
	const {ascii} = useGlyphs();
	// Ink's own truncation mark "…" is made "." by the ASCII stdout filter (ui/terminal-streams.ts), one cell for one.
	return (
		<InkText {...props} {...(color === undefined ? {} : {color})}>
			{ascii ? asciiChildren(children) : children}
		</InkText>
	);
}
