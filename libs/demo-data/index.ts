export { DemoDataModule } from './demo-data.module.js';
export { DemoDataService, type DemoDataReport } from './demo-data.service.js';
export { DEMO_ORGANISATIONS, DEMO_USERS, DEMO_PASSWORD } from './demo-organisations.js';
