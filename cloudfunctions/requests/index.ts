import { requestsContract } from '../../src/shared/contracts/requests';
import { defineFunction } from '../../src/server/functions/define-function';
import { acceptTask } from '../../src/server/use-cases/accept-task';
import { cancelRequest } from '../../src/server/use-cases/cancel-request';
import { completeTask } from '../../src/server/use-cases/complete-task';
import { declineTask } from '../../src/server/use-cases/decline-task';
import { fileRequestOnBehalf } from '../../src/server/use-cases/file-request-on-behalf';
import { getRequest } from '../../src/server/use-cases/get-request';
import { listMyRequests } from '../../src/server/use-cases/list-my-requests';
import { listOffers } from '../../src/server/use-cases/list-offers';
import { listTasks } from '../../src/server/use-cases/list-tasks';
import { rateRequest } from '../../src/server/use-cases/rate-request';
import { submitRequest } from '../../src/server/use-cases/submit-request';

/** 点单 → 派单 → 接单 → 评单 */
export const main = defineFunction('requests', requestsContract, {
  submit: submitRequest,
  listMine: listMyRequests,
  get: getRequest,
  cancel: cancelRequest,
  rate: rateRequest,
  listOffers: (context) => listOffers(context),
  listTasks,
  accept: acceptTask,
  decline: declineTask,
  complete: completeTask,
  fileOnBehalf: fileRequestOnBehalf,
});
