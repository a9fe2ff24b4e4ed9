import { createRoot } from 'react-dom/client';
import '../../components/curio.css';
import { Options } from './Options';

createRoot(document.getElementById('root')!).render(<Options />);
