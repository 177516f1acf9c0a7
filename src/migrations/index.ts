import * as migration_20261126_104725_initial from './20261126_104725_initial';

export const migrations = [
  {
    up: migration_20261126_104725_initial.up,
    down: migration_20261126_104725_initial.down,
    name: '20261126_104725_initial'
  },
];
