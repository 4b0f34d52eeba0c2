import { useId, useState } from 'react';
import { useNavigate } from 'react-router';
import { findCredentialPath } from '../../lib/paths';
import './find-credential.css';

/** In the header: paste a client_id, press Enter, land on its credential's page. */
export function FindCredentialForm({ org }: { org: string }) {
  const id = useId();
  const navigate = useNavigate();
  const [text, setText] = useState('');
  return (
    <form
      role="search"
      aria-label="Find a credential"
      className="find-credential-form"
      onSubmit={(e) => {
        e.preventDefault();
        const clientId = text.trim();
        if (!clientId) return;
        setText('');
        void navigate(findCredentialPath(org, clientId));
      }}
    >
      <label htmlFor={id} className="visually-hidden">
        Find a credential by client ID
      </label>
      <input
        id={id}
        type="search"
        className="input input--search find-credential-form__input"
        placeholder="Find by client ID…"
        autoComplete="off"
        spellCheck={false}
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
    </form>
  );
}
