import { createRoot } from 'react-dom/client';
import '../../components/curio.css';
import { App } from './App';

createRoot(document.getElementById('root')!).render(<App />);
