import {createContext, useContext} from 'react';
import {UNICODE_GLYPHS, type Glyphs} from '../text/glyphs.js';

export const GlyphsContext = createContext<Glyphs>(UNICODE_GLYPHS);

export function useGlyphs(): Glyphs {
	return useContext(GlyphsContext);
}
