// Wraps the theme's navbar item types to add `custom-revisionSwitcher` (the API revision dropdown).
import ComponentTypes from '@theme-original/NavbarItem/ComponentTypes';
import RevisionSwitcher from '@theme/ApiRevisionSwitcher';

export default {
  ...ComponentTypes,
  'custom-revisionSwitcher': RevisionSwitcher,
};
