import { createRoot } from 'react-dom/client';
import '../../components/curio.css';
import { Popup } from './Popup';

createRoot(document.getElementById('root')!).render(<Popup />);
