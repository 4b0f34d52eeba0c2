import { useSearchParams } from 'react-router';
import { DemoSignIn } from './demo-sign-in';
import { TokenSignInForm } from './token-sign-in-form';
import { useCompleteSignIn } from './use-session-actions';
import './auth.css';

/** `/sign-in?returnTo=…`: demo people (when the API offers them) and a token form. */
export function SignInPage() {
  const [searchParams] = useSearchParams();
  const completeSignIn = useCompleteSignIn();
  const expired = searchParams.get('reason') === 'expired';

  return (
    <div className="sign-in">
      <header className="sign-in__header">
        <h1>Sign in to the Service Accounts Console</h1>
        {expired && (
          <p className="sign-in__notice" role="status">
            Your session has ended. Sign in again to continue where you were.
          </p>
        )}
      </header>
      <DemoSignIn onSignIn={(token) => completeSignIn(token)} />
      <TokenSignInForm onSignIn={completeSignIn} />
    </div>
  );
}
