/**
 * docusaurus-theme-redoc binds every free `Prism` in the bundle to the `prismjs` package (a
 * ProvidePlugin, for Redoc's own grammars). The Prism grammars that `src/theme/prism-include-languages.ts`
 * adds for the site's code blocks would then register on `prismjs` too, and main.js would carry
 * prismjs's core only so that their grammars could be copied across. Those grammars are required
 * with `?prism-react-renderer`: this rule gives them (and only them) prism-react-renderer's Prism as
 * `prismjs`, so they register where the code blocks are highlighted, and Redoc keeps its own Prism
 * in its own chunk.
 */
import path from 'node:path';
import type { Plugin } from '@docusaurus/types';

export default function prismGrammarsPlugin(): Plugin {
  return {
    name: 'prism-grammars',
    configureWebpack() {
      return {
        module: {
          rules: [
            {
              resourceQuery: /^\?prism-react-renderer$/,
              resolve: { alias: { prismjs$: path.join(__dirname, 'prism-react-renderer.cjs') } },
            },
          ],
        },
      };
    },
  };
}
