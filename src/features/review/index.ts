export { CredentialReviewPage } from './credential-review-page';
