import siteConfig from '@generated/docusaurus.config';
import RedocPrism from 'prismjs';

type PrismLike = { languages: Record<string, unknown> };

const LOADERS: Record<string, () => void> = {
  php: () => {
    require('prismjs/components/prism-markup-templating.js');
    require('prismjs/components/prism-php.js');
  },
  ruby: () => require('prismjs/components/prism-ruby.js'),
  bash: () => require('prismjs/components/prism-bash.js'),
};

/**
 * Registers `themeConfig.prism.additionalLanguages` on prism-react-renderer's Prism.
 * The stock version mounts that Prism on `globalThis` while the `prismjs/components/*` modules
 * run, but docusaurus-theme-redoc adds a webpack ProvidePlugin that binds every free `Prism`
 * to the `prismjs` package. The components therefore always register on `prismjs`, and bash,
 * PHP and Ruby blocks came out unhighlighted. Load them, then copy their grammars across.
 */
export default function prismIncludeLanguages(PrismObject: PrismLike): void {
  const { additionalLanguages } = siteConfig.themeConfig.prism as { additionalLanguages: string[] };
  for (const language of additionalLanguages) {
    const load = LOADERS[language];
    if (!load) throw new Error(`prism-include-languages: add a loader for "${language}"`);
    load();
  }
  const source = RedocPrism as unknown as PrismLike;
  for (const language of ['markup-templating', ...additionalLanguages]) {
    PrismObject.languages[language] ??= source.languages[language];
  }
}
