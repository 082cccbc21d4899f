// Wraps the theme's navbar item types to add `custom-revisionSwitcher` (the API revision dropdown).
import ComponentTypes from '@theme-original/NavbarItem/ComponentTypes';
import RevisionSwitcher from '@site/src/components/RevisionSwitcher';

export default {
  ...ComponentTypes,
  'custom-revisionSwitcher': RevisionSwitcher,
};
