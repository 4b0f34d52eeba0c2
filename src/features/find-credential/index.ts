export { FindCredentialForm } from './find-credential-form';
