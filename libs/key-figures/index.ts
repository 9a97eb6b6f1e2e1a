export { KeyFiguresModule } from './key-figures.module.js';
export { KeyFiguresService } from './key-figures.service.js';
