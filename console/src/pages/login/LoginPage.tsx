import { useState, type FormEvent } from 'react';
import { logIn } from '../../api/session';
import { FailureMessage } from '../../components/FailureMessage';
import { useDocumentTitle } from '../../hooks/use-document-title';
import { useI18n } from '../../i18n/i18n-context';
import { LanguageSwitch } from '../../layout/LanguageSwitch';

/** The login form; the page the admin asked for opens once the session is set. */
export function LoginPage({ onLoggedIn }: { readonly onLoggedIn: () => void }) {
  const { m } = useI18n();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(undefined);
  useDocumentTitle(m.login.title);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setFailure(undefined);
    logIn(username, password).then(onLoggedIn, (error: unknown) => {
      setFailure(error);
      setBusy(false);
    });
  };
  return (
    <main className="login-screen">
      <div className="login-language">
        <LanguageSwitch />
      </div>
      <form className="login-card" onSubmit={submit} aria-labelledby="login-title">
        <p className="brand">{m.common.productName}</p>
        <h1 id="login-title">{m.login.title}</h1>
        <p className="muted">{m.login.intro}</p>
        <div className="field">
          <label htmlFor="login-username">{m.login.username}</label>
          <input id="login-username" name="username" autoComplete="username" required value={username} onChange={(event) => setUsername(event.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="login-password">{m.login.password}</label>
          <input
            id="login-password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
        </div>
        <div className="login-failure">{failure !== undefined && <FailureMessage error={failure} />}</div>
        <button type="submit" className="button primary wide" disabled={busy}>
          {busy ? m.login.submitting : m.login.submit}
        </button>
      </form>
    </main>
  );
}
