export { KeyFiguresModule } from './key-figures.module.js';
export { KeyFiguresService } from './key-figures.service.js';
export { KeyFiguresRepository } from './key-figures.repository.js';
