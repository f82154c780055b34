// Entry of `patho-map.js`: importing it defines the <patho-map> element (see vite.element.config.ts).
import './ui/PathoMapElement.svelte';
