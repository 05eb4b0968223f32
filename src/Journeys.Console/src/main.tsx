import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/style.css';
import './styles.css';
import { App } from './App';
import { loadConfig } from './api/client';

void loadConfig().then(() => {
  createRoot(document.getElementById('root')!).render(<App />);
});
