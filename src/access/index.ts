export * from './roles'
export * from './users'
export * from './published'
