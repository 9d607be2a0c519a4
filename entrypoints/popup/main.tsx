import { render } from 'preact';
import { Popup } from '@/components/Popup';
import { PAGE_CSS } from '@/components/page-styles';

const style = document.createElement('style');
style.textContent = PAGE_CSS;
document.head.appendChild(style);
render(<Popup />, document.getElementById('app')!);
