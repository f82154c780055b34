/**
 * Names shared by the map picture rendered ahead into the built page (`first-paint.ts`, build
 * only), the page's first script that shows it, and the app that replaces it.
 */

/** The class of the element holding the picture. */
export const FIRST_PAINT_CLASS = 'first-paint';
/** Set on <html> by the page's first script when the picture is the view the app will open. */
export const FIRST_PAINT_ATTRIBUTE = 'data-first-paint';
