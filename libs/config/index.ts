export {
  DEFAULT_MATCH_WEIGHTS,
  type MatchWeights,
  AppConfig,
  ConfigError,
  environmentSchema,
  loadConfigOrExit,
  type Environment,
} from './app-config.js';
export { ConfigModule } from './config.module.js';
