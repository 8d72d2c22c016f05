// The ports, one file per bounded context; importers may take them from here.
export type * from './community';
export type * from './requests';
export type * from './points';
export type * from './service';
export type * from './ledgers';
export type * from './reports';
export type * from './deliberations';
export type * from './platform';
export type * from './store';
export type * from './audit';
export type * from './privacy';
