import type { SidebarsConfig } from '@docusaurus/plugin-content-docs';

const sidebars = {
  guides: [
    'getting-started',
    'api-overview',
    {
      type: 'category',
      label: 'Guides',
      collapsed: false,
      items: ['guides/understanding-customer-data', 'guides/understanding-client-side-requests'],
    },
    'sdks',
  ],
  community: ['community/developer-slack', 'community/code-of-conduct'],
} satisfies SidebarsConfig;

export default sidebars;
