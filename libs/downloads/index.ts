export { Download } from './download.type.js';
