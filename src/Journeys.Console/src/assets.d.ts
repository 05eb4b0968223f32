// Style sheets are bundled by Vite into one external .css file (no inline styles under the console's CSP).
declare module '*.css';
