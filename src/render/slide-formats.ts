/** The slide sizes exports are made for, in slide pixels: PowerPoint's widescreen and 4:3 slides. */
export const SLIDE_FORMATS = { '16:9': { width: 1920, height: 1080 }, '4:3': { width: 1440, height: 1080 } } as const;
export type SlideFormat = keyof typeof SLIDE_FORMATS;
