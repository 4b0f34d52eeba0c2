/** What the create and edit dialogs say about a credential's name. */
export const CREDENTIAL_NAME_RULES = {
  duplicateNameMessage: 'A credential with this name already exists',
  nameHint: 'Say where it is used, e.g. “billing-worker (production)”.',
};
