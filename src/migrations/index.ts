import * as migration_20261126_104725_initial from './20261126_104725_initial';
import * as migration_20261126_111357_content_model from './20261126_111357_content_model';
import * as migration_20261126_113440_comments from './20261126_113440_comments';
import * as migration_20261126_113706_search from './20261126_113706_search';
import * as migration_20261126_143742_integrations_glossary_search from './20261126_143742_integrations_glossary_search';
import * as migration_20261126_160949_rest_cache from './20261126_160949_rest_cache';
import * as migration_20261126_162707_search_phrase from './20261126_162707_search_phrase';
import * as migration_20261205_052251_login_throttle from './20261205_052251_login_throttle';
import * as migration_20261205_061520_redirects_collection from './20261205_061520_redirects_collection';
import * as migration_20261205_061944_spip_keys from './20261205_061944_spip_keys';

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
    up: migration_20261126_143742_integrations_glossary_search.up,
    down: migration_20261126_143742_integrations_glossary_search.down,
    name: '20261126_143742_integrations_glossary_search',
  },
  {
    up: migration_20261126_160949_rest_cache.up,
    down: migration_20261126_160949_rest_cache.down,
    name: '20261126_160949_rest_cache',
  },
  {
    up: migration_20261126_162707_search_phrase.up,
    down: migration_20261126_162707_search_phrase.down,
    name: '20261126_162707_search_phrase',
  },
  {
    up: migration_20261205_052251_login_throttle.up,
    down: migration_20261205_052251_login_throttle.down,
    name: '20261205_052251_login_throttle',
  },
  {
    up: migration_20261205_061520_redirects_collection.up,
    down: migration_20261205_061520_redirects_collection.down,
    name: '20261205_061520_redirects_collection',
  },
  {
    up: migration_20261205_061944_spip_keys.up,
    down: migration_20261205_061944_spip_keys.down,
    name: '20261205_061944_spip_keys'
  },
];
