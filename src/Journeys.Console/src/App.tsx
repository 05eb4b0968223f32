import { useEffect, useState } from 'react';
import { clearKey, getKey, setUnauthorizedHandler } from './api/client';
import { Login } from './views/Login';
import { JourneyList } from './views/JourneyList';
import { JourneyPage } from './views/JourneyPage';
import { href, useRoute } from './router';

export function App() {
  const [signedIn, setSignedIn] = useState(() => getKey() !== null);
  const [notice, setNotice] = useState<string | null>(null);
  const route = useRoute();

  useEffect(() => {
    setUnauthorizedHandler(() => {
      clearKey();
      setNotice('The host refused the admin key (401). Enter it again.');
      setSignedIn(false);
    });
    return () => setUnauthorizedHandler(null);
  }, []);

  useEffect(() => {
    document.title = route.page === 'journey' ? `${route.id} · Journeys console` : 'Journeys console';
  }, [route]);

  if (!signedIn) {
    return <Login notice={notice} onSignedIn={() => { setNotice(null); setSignedIn(true); }} />;
  }

  return (
    <div className="app">
      <header className="topbar">
        <a className="brand" href={href({ page: 'list' })}>Journeys <span>console</span></a>
        <nav aria-label="Breadcrumb" className="crumbs">
          <a href={href({ page: 'list' })}>Journeys</a>
          {route.page === 'journey' && <><span aria-hidden="true">/</span><span aria-current="page">{route.id}</span></>}
        </nav>
        <button type="button" className="button quiet" onClick={() => { clearKey(); setSignedIn(false); }}>Sign out</button>
      </header>
      <main className="content">
        {route.page === 'list' ? <JourneyList /> : <JourneyPage key={route.id} id={route.id} tab={route.tab} />}
      </main>
    </div>
  );
}
