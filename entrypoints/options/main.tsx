import { render } from 'preact';
import { Options } from '@/components/Options';
import { PAGE_CSS } from '@/components/page-styles';

const style = document.createElement('style');
style.textContent = PAGE_CSS;
document.head.appendChild(style);
render(<Options />, document.getElementById('app')!);
