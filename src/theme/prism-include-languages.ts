import siteConfig from '@generated/docusaurus.config';

type PrismLike = { languages: Record<string, unknown> };

// The `?prism-react-renderer` query makes these grammars register on prism-react-renderer's Prism
// rather than on the `prismjs` that docusaurus-theme-redoc provides: see src/plugins/prism-grammars.
const LOADERS: Record<string, () => void> = {
  php: () => {
    require('prismjs/components/prism-markup-templating.js?prism-react-renderer');
    require('prismjs/components/prism-php.js?prism-react-renderer');
  },
  ruby: () => require('prismjs/components/prism-ruby.js?prism-react-renderer'),
  bash: () => require('prismjs/components/prism-bash.js?prism-react-renderer'),
};

/** Registers `themeConfig.prism.additionalLanguages` on prism-react-renderer's Prism. */
export default function prismIncludeLanguages(PrismObject: PrismLike): void {
  const { additionalLanguages } = siteConfig.themeConfig.prism as { additionalLanguages: string[] };
  for (const language of additionalLanguages) {
    const load = LOADERS[language];
    if (!load) throw new Error(`prism-include-languages: add a loader for "${language}"`);
    load();
    if (!PrismObject.languages[language]) throw new Error(`prism-include-languages: ${language} did not register`);
  }
}
