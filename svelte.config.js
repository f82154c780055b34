import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

export default {
  preprocess: vitePreprocess(),
  compilerOptions: {
    // The <patho-map> element is a custom element wherever it is compiled (vite.element.config.ts
    // compiles every component that way for its build); the app's components are not.
    customElement: ({ filename }) => filename.endsWith('/PathoMapElement.svelte'),
  },
};
