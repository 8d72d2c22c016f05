import { main as community } from '../../../cloudfunctions/community/index';
import { main as deliberations } from '../../../cloudfunctions/deliberations/index';
import { main as ledgers } from '../../../cloudfunctions/ledgers/index';
import { main as points } from '../../../cloudfunctions/points/index';
import { main as reports } from '../../../cloudfunctions/reports/index';
import { main as requests } from '../../../cloudfunctions/requests/index';
import { main as scheduler } from '../../../cloudfunctions/scheduler/index';
import { main as service } from '../../../cloudfunctions/service/index';
import type { CloudMain } from '../functions/define-function';

/** The cloud functions callable over HTTP at /api/<name>; the scheduler runs only on the host's timer. */
export const HTTP_FUNCTIONS: Record<string, CloudMain> = { requests, points, community, service, ledgers, reports, deliberations };
export const SCHEDULER: CloudMain = scheduler;
