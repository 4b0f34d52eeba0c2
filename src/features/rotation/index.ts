export { RotateCredentialPage } from './rotate-credential-page';
export { RotationInProgressBanner } from './rotation-in-progress-banner';
export type { RotationInProgressBannerProps } from './rotation-in-progress-banner';
