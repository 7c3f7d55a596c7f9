import { useEffect, useState } from 'react';

/** Placeholder until the explorer UI lands: shows whether the API and Neo4j are ready. */
export function App() {
  const [status, setStatus] = useState('checking…');
  useEffect(() => {
    fetch('/readyz')
      .then(async (response) => setStatus(response.ok ? 'ready' : ((await response.json()) as { detail: string }).detail))
      .catch(() => setStatus('API unreachable'));
  }, []);
  return (
    <main style={{ fontFamily: 'system-ui, sans-serif', padding: '2rem' }}>
      <h1>Nexo</h1>
      <p>Graph explorer for criminal networks. Database: {status}</p>
      <p>
        API description: <a href="/api/openapi.json">/api/openapi.json</a>
      </p>
    </main>
  );
}
