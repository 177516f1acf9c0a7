import * as migration_20261126_104725_initial from './20261126_104725_initial';
import * as migration_20261126_111357_content_model from './20261126_111357_content_model';
import * as migration_20261126_113440_comments from './20261126_113440_comments';
import * as migration_20261126_113706_search from './20261126_113706_search';
import * as migration_20261126_134022_glossary_switch from './20261126_134022_glossary_switch';
import * as migration_20261126_134109_api_cors_origins from './20261126_134109_api_cors_origins';

import * as migration_20261126_135354_integrations_api_keys_webhooks from './20261126_135354_integrations_api_keys_webhooks';
import * as migration_20261126_133956_search_candidates from './20261126_133956_search_candidates';

export const migrations = [
  {
    up: migration_20261126_104725_initial.up,
    down: migration_20261126_104725_initial.down,
    name: '20261126_104725_initial',
  },
  {
    up: migration_20261126_111357_content_model.up,
    down: migration_20261126_111357_content_model.down,
    name: '20261126_111357_content_model',
  },
  {
    up: migration_20261126_113440_comments.up,
    down: migration_20261126_113440_comments.down,
    name: '20261126_113440_comments',
  },
  {
    up: migration_20261126_113706_search.up,
    down: migration_20261126_113706_search.down,
    name: '20261126_113706_search',
  },
  {
    up: migration_20261126_134022_glossary_switch.up,
    down: migration_20261126_134022_glossary_switch.down,
    name: '20261126_134022_glossary_switch',
  },
  {
    up: migration_20261126_134109_api_cors_origins.up,
    down: migration_20261126_134109_api_cors_origins.down,
    name: '20261126_134109_api_cors_origins',
  },
  {
    up: migration_20261126_135354_integrations_api_keys_webhooks.up,
    down: migration_20261126_135354_integrations_api_keys_webhooks.down,
    name: '20261126_135354_integrations_api_keys_webhooks',
  },
  {
    up: migration_20261126_133956_search_candidates.up,
    down: migration_20261126_133956_search_candidates.down,
    name: '20261126_133956_search_candidates',
  },
];
