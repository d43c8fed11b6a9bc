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

export function Text({children, ...props}: ComponentProps<typeof InkText>) {
	const {ascii} = useGlyphs();
	// Ink's own truncation mark "…" is made "." by the ASCII stdout filter (ui/terminal-streams.ts), one cell for one.
	return <InkText {...props}>{ascii ? asciiChildren(children) : children}</InkText>;
}
